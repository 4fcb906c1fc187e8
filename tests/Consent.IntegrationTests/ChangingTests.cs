using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

public sealed class ChangingTests(ConsentApi api)
{
    [Fact]
    public async Task Young_carer_pauses_resumes_and_withdraws_and_sees_the_four_versions_in_the_history()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var paused = await carer.ActAsync("pause", new { reason = "not now" });
        using var resumed = await carer.ActAsync("resume");
        using var withdrawn = await carer.ActAsync("withdraw");

        Assert.Equal(("paused", 2L), await StatusAndVersion(paused));
        Assert.Equal(("active", 3L), await StatusAndVersion(resumed));
        Assert.Equal(("withdrawn", 4L), await StatusAndVersion(withdrawn));
        Assert.Equal("\"4\"", withdrawn.Headers.ETag?.Tag);
        var history = await carer.HistoryAsync();
        Assert.Equal([1L, 2L, 3L, 4L], history.Select(h => h.Version));
        Assert.Equal(["consent-granted", "consent-paused", "consent-resumed", "consent-withdrawn"], history.Select(h => h.Event));
        Assert.Equal(["active", "paused", "active", "withdrawn"], history.Select(h => h.Consent.Status));
        Assert.Equal("not now", history[1].Reason);
        Assert.All(history, h => Assert.Equal("YoungCarer", h.Actor.Role));
    }

    private static async Task<(string, long)> StatusAndVersion(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var consent = await response.ConsentAsync();
        return (consent.Status, consent.Version);
    }

    [Fact]
    public async Task Withdrawn_is_final_every_further_change_is_409()
    {
        using var carer = await api.YoungCarerGrantsAsync();
        (await carer.ActAsync("withdraw")).Dispose();

        foreach (var action in new[] { "pause", "resume", "withdraw" })
        {
            using var response = await carer.ActAsync(action);
            await response.ProblemAsync(HttpStatusCode.Conflict);
        }

        Assert.Equal(2, (await carer.HistoryAsync()).Count);
    }

    [Fact]
    public async Task Pausing_a_paused_consent_or_resuming_an_active_one_is_409()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var resumeActive = await carer.ActAsync("resume");
        (await carer.ActAsync("pause")).Dispose();
        using var pausePaused = await carer.ActAsync("pause");

        await resumeActive.ProblemAsync(HttpStatusCode.Conflict);
        await pausePaused.ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task If_match_with_the_current_version_succeeds_and_a_stale_one_is_412_with_nothing_appended()
    {
        using var carer = await api.YoungCarerGrantsAsync();

        using var quoted = await carer.ActAsync("pause", ifMatch: "\"1\"");
        using var bare = await carer.ActAsync("resume", ifMatch: "2");
        using var stale = await carer.ActAsync("withdraw", ifMatch: "\"2\"");

        Assert.Equal(HttpStatusCode.OK, quoted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, bare.StatusCode);
        await stale.ProblemAsync(HttpStatusCode.PreconditionFailed);
        Assert.Equal(3, (await carer.HistoryAsync()).Count);
    }

    [Fact]
    public async Task Practitioner_pauses_and_withdraws_on_the_young_persons_behalf_with_a_reason()
    {
        var subject = NewSubject();
        using var carer = api.YoungCarer(subject);
        using var practitioner = api.Practitioner();
        var consent = await carer.GrantedAsync(GrantBody(subject));

        using var pauseWithoutReason = await practitioner.ActAsync(consent.Id, "pause");
        using var paused = await practitioner.ActAsync(consent.Id, "pause", new { reason = "Sam asked me to pause sharing" });
        using var withdrawn = await practitioner.ActAsync(consent.Id, "withdraw", new { reason = "Sam asked to stop" });

        Assert.Equal(["reason"], await pauseWithoutReason.ProblemAsync(HttpStatusCode.BadRequest));
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        var history = await carer.HistoryAsync(consent.Id);
        Assert.Equal([null, "Sam asked me to pause sharing", "Sam asked to stop"], history.Select(h => h.Reason));
        Assert.Equal(("Practitioner", "school-1"), (history[2].Actor.Role, history[2].Actor.OrgId));
    }

    [Fact]
    public async Task Changing_an_unknown_consent_is_404()
    {
        using var client = api.Practitioner();

        using var response = await client.ActAsync(Guid.NewGuid(), "withdraw", new { reason = "no such consent" });

        await response.ProblemAsync(HttpStatusCode.NotFound);
    }
}
