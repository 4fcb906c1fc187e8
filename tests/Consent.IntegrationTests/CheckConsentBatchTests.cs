using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// The coalesced live check (issue 23): a batch of checks for several subjects, purposes, requesters and
/// instants is answered, item by item and in order, exactly as each check asked alone.
/// </summary>
public sealed class CheckConsentBatchTests(ConsentApi api)
{
    [Fact]
    public async Task Each_check_of_a_batch_is_answered_in_order_as_it_would_be_alone_at_its_own_instant()
    {
        var active = NewSubject();
        var paused = NewSubject();
        var none = NewSubject();
        var expiring = NewSubject();
        using (var client = api.YoungCarer(expiring)) await client.GrantedAsync(GrantBody(expiring, recipientOrgIds: ["school-1"], expiresAt: DateTimeOffset.UtcNow.AddDays(1)));
        using (var client = api.YoungCarer(active)) await client.GrantedAsync(GrantBody(active, recipientOrgIds: ["school-1"]));
        using (var client = api.YoungCarer(paused))
        {
            var consent = await client.GrantedAsync(GrantBody(paused, recipientOrgIds: ["school-1"]));
            (await client.ActAsync(consent.Id, "pause")).Dispose();
        }

        var now = DateTimeOffset.UtcNow;
        CheckConsent[] checks =
        [
            new(active, "school-support", "school-1", ["caring.role"], now),
            new(paused, "school-support", "school-1", ["caring.role"], now),
            new(none, "school-support", "school-1", ["caring.role"], now),
            new(active, "school-support", "school-2", ["caring.role"], now),
            new(active, "whole-family-support", "school-1", ["caring.role"], now),
            // Each at its own instant: the same consent before and after its expiry.
            new(expiring, "school-support", "school-1", ["caring.role"], now),
            new(expiring, "school-support", "school-1", ["caring.role"], now.AddDays(2)),
            new(string.Empty, "school-support", "school-1", ["caring.role"], now),
        ];

        var batch = await api.Bus.CreateRequestClient<CheckConsentBatch>(RequestTimeout.After(s: 15))
            .GetResponse<ConsentCheckBatchResult>(new CheckConsentBatch(checks), TestContext.Current.CancellationToken);
        var alone = new List<ConsentCheckResult>();
        foreach (var check in checks)
        {
            alone.Add(await api.CheckAsync(check));
        }

        Assert.Equal(checks.Length, batch.Message.Results.Count);
        for (var i = 0; i < checks.Length; i++)
        {
            var (b, a) = (batch.Message.Results[i], alone[i]);
            Assert.Equal((a.ConsentId, a.Version, a.Status, a.At), (b.ConsentId, b.Version, b.Status, b.At));
            Assert.Equal(a.Reasons, b.Reasons);
        }

        // The cases differ from each other, so a batch that answered every item alike would fail above.
        Assert.Empty(batch.Message.Results[0].Reasons);
        Assert.NotEmpty(batch.Message.Results[1].Reasons);
        Assert.NotEmpty(batch.Message.Results[2].Reasons);
        Assert.Empty(batch.Message.Results[5].Reasons);
        Assert.NotEmpty(batch.Message.Results[6].Reasons);
    }

    [Fact]
    public async Task An_empty_batch_is_answered_with_no_results()
    {
        var batch = await api.Bus.CreateRequestClient<CheckConsentBatch>(RequestTimeout.After(s: 15))
            .GetResponse<ConsentCheckBatchResult>(new CheckConsentBatch([]), TestContext.Current.CancellationToken);

        Assert.Empty(batch.Message.Results);
    }
}
