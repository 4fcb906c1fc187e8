using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

public sealed class ExpiryTests(ConsentApi api)
{
    [Fact]
    public async Task A_consent_past_expires_at_reads_as_expired_at_once_and_the_job_records_it_once()
    {
        var expiresAt = DateTimeOffset.UtcNow.AddSeconds(2);
        using var carer = await api.YoungCarerGrantsAsync(expiresAt: expiresAt);
        await Task.Delay(expiresAt - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);

        var beforeTheJob = Assert.Single(await carer.Client.ListAsync(carer.Subject));
        await api.ExpiryJob.SweepOnceAsync(TestContext.Current.CancellationToken);
        await api.ExpiryJob.SweepOnceAsync(TestContext.Current.CancellationToken);

        Assert.Equal(("expired", 1L), (beforeTheJob.Status, beforeTheJob.Version));
        var history = await carer.HistoryAsync();
        Assert.Equal(["consent-granted", "consent-expired"], history.Select(h => h.Event));
        Assert.Equal(("System", expiresAt), (history[1].Actor.Role, history[1].OccurredAt));
        var published = Assert.Single(await api.Events.WaitForAsync<ConsentExpired>(e => e.ConsentId == carer.Consent.Id));
        Assert.Equal((2L, ConsentStatus.Expired), (published.Message.Version, published.Message.Status));
    }
}

/// <summary>The expiry job on its own timer, in a host whose interval is short and whose proposals must be answered within two seconds.</summary>
public sealed class ExpiryJobHost() : ConsentServiceHost(TimeSpan.FromMilliseconds(300), proposalLifetime: TimeSpan.FromSeconds(2));

public sealed class ExpiryJobTests(ExpiryJobHost host) : IClassFixture<ExpiryJobHost>
{
    [Fact]
    public async Task The_background_job_records_the_expiry_by_itself()
    {
        var subject = NewSubject();
        using var client = host.ClientFor("YoungCarer", subjectId: subject);
        var consent = await client.GrantedAsync(GrantBody(subject, expiresAt: DateTimeOffset.UtcNow.AddSeconds(1)));

        var history = await client.AwaitHistoryAsync(consent.Id, 2);

        Assert.Equal(["consent-granted", "consent-expired"], history.Select(h => h.Event));
        await Task.Delay(1000, TestContext.Current.CancellationToken);
        Assert.Equal(2, (await client.HistoryAsync(consent.Id)).Count);
    }

    [Fact]
    public async Task A_proposal_lapses_after_the_configured_lifetime_and_the_background_job_records_it()
    {
        var subject = NewSubject();
        using var practitioner = host.ClientFor("Practitioner", org: "school-1");
        using var response = await practitioner.ProposeAsync(ProposeBody(subject));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var proposal = await response.ConsentAsync();
        Assert.Equal(proposal.ProposedAt!.Value.AddSeconds(2), proposal.AnswerBy);

        var history = await practitioner.AwaitHistoryAsync(proposal.Id, 2);

        Assert.Equal(["consent-proposed", "consent-expired"], history.Select(h => h.Event));
        Assert.Equal(("expired", "System", proposal.AnswerBy!.Value), (history[1].Consent.Status, history[1].Actor.Role, history[1].OccurredAt));
    }
}
