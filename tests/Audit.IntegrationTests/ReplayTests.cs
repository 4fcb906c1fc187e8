using static ConsentPlatform.Audit.IntegrationTests.Support.DisclosureStory;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// Decisions replayed from the ledger's own entries (consent and DSA versions as at each decision)
/// through the shared rulebook: consistent when the record holds, inconsistent with the difference when not.
/// </summary>
public sealed class ReplayTests(AuditFixture audit)
{
    /// <summary>
    /// Ledgers the agreement <paramref name="dsaId"/> drafted at <paramref name="t"/> and active (version 2)
    /// a minute later, then the story's events; returns the replay of the story's disclosure.
    /// </summary>
    private async Task<ReplayResponse> ReplayUnderActiveDsaAsync(Samples s, Guid dsaId, DateTimeOffset t, DisclosureStory story, params IPlatformEvent[] events)
    {
        await audit.LedgerAsync([s.Drafted(dsaId, t), s.Activated(dsaId, 2, t.AddMinutes(1)), .. events]);
        using var client = audit.Auditor();
        return await audit.GetAsync<ReplayResponse>(client, $"/api/audit/disclosures/{story.DisclosureId}/replay");
    }

    [Fact]
    public async Task Approved_request_release_reads_and_a_read_refused_after_a_pause_all_replay_as_consistent()
    {
        var (s, story, dsaId, consentId, t) = DisclosureStory.Begin();
        var approved = Decision(ShareOutcome.Approved, t.AddMinutes(10), consentId, 1, dsaId, 2);

        var result = await ReplayUnderActiveDsaAsync(s, dsaId, t, story,
            s.Granted(consentId, t.AddMinutes(2), recipients: [s.School]),
            story.Requested(t.AddMinutes(10)),
            story.Approved(approved),
            story.Released(Decision(ShareOutcome.Approved, t.AddMinutes(20), consentId, 1, dsaId, 2)),
            story.Read(Decision(ShareOutcome.Approved, t.AddMinutes(30), consentId, 1, dsaId, 2)),
            s.Paused(consentId, 2, t.AddMinutes(2), t.AddMinutes(40)),
            story.ReadRefused(Decision(ShareOutcome.Denied, t.AddMinutes(50), consentId, 2, dsaId, 2, ReasonCode.ConsentPaused)));

        Assert.True(result.Consistent, string.Join("; ", result.Decisions.SelectMany(d => d.Differences)));
        Assert.Equal(story.DisclosureId, result.DisclosureId);
        Assert.Equal(ShareOutcome.Approved, result.Replayed.Outcome);
        Assert.Equal((consentId, 1L, dsaId, 2L), (result.Replayed.ConsentId!.Value, result.Replayed.ConsentVersion!.Value, result.Replayed.DsaId!.Value, result.Replayed.DsaVersion!.Value));
        Assert.Equal(["DisclosureApproved", "DisclosureReleased", "PackageRead", "PackageReadRefused"], result.Decisions.Select(d => d.EventType));
        Assert.Equal([ReasonCode.ConsentPaused], result.Decisions[^1].Replayed.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Denied_request_under_a_paused_consent_and_a_suspended_dsa_replays_as_consistent()
    {
        var (s, story, dsaId, consentId, t) = DisclosureStory.Begin();

        var result = await ReplayUnderActiveDsaAsync(s, dsaId, t, story,
            s.Granted(consentId, t.AddMinutes(2)),
            s.Paused(consentId, 2, t.AddMinutes(2), t.AddMinutes(3)),
            s.Suspended(dsaId, 3, t.AddMinutes(4)),
            story.Requested(t.AddMinutes(10)),
            story.Denied(Decision(ShareOutcome.Denied, t.AddMinutes(10), consentId, 2, null, null, ReasonCode.NoActiveDsa, ReasonCode.ConsentPaused)));

        Assert.True(result.Consistent, string.Join("; ", result.Differences));
        Assert.Equal([ReasonCode.NoActiveDsa, ReasonCode.ConsentPaused], result.Replayed.Reasons.Select(r => r.Code));
    }

    [Fact]
    public async Task Safeguarding_override_awaiting_then_approved_replays_as_consistent()
    {
        var s = new Samples();
        var story = new DisclosureStory(s, ShareBasis.Safeguarding, "Disclosed risk of neglect at home this week.") { Categories = ["caring.role", "cared-for.condition"] };
        var (dsaId, t) = (Guid.NewGuid(), s.T0);
        var overrideApproved = story.OverrideApproved(t.AddMinutes(20), "The lead's rationale, for auditors only.");

        var result = await ReplayUnderActiveDsaAsync(s, dsaId, t, story,
            story.Requested(t.AddMinutes(10)),
            story.Awaiting(Decision(ShareOutcome.AwaitingOverrideApproval, t.AddMinutes(10), dsaId: dsaId, dsaVersion: 2)),
            overrideApproved,
            story.Approved(Decision(ShareOutcome.Approved, t.AddMinutes(20), dsaId: dsaId, dsaVersion: 2), overrideApproved.Approval));

        Assert.True(result.Consistent, string.Join("; ", result.Decisions.SelectMany(d => d.Differences)));
        Assert.Equal([ShareOutcome.AwaitingOverrideApproval, ShareOutcome.Approved], result.Decisions.Select(d => d.Replayed.Outcome));
    }

    [Fact]
    public async Task Decision_that_the_ledger_does_not_support_is_inconsistent_with_the_difference()
    {
        var (s, story, dsaId, consentId, t) = DisclosureStory.Begin();

        // Recorded as approved on consent version 1, but the ledger shows that consent paused (version 2) before the check.
        var result = await ReplayUnderActiveDsaAsync(s, dsaId, t, story,
            s.Granted(consentId, t.AddMinutes(2)),
            s.Paused(consentId, 2, t.AddMinutes(2), t.AddMinutes(5)),
            story.Requested(t.AddMinutes(10)),
            story.Approved(Decision(ShareOutcome.Approved, t.AddMinutes(10), consentId, 1, dsaId, 2)));

        Assert.False(result.Consistent);
        Assert.Equal(ShareOutcome.Approved, result.Recorded.Outcome);
        Assert.Equal(ShareOutcome.Denied, result.Replayed.Outcome);
        Assert.Contains("outcome: recorded approved, replayed denied", result.Differences);
        Assert.Contains("reasons: recorded [], replayed [consent-paused]", result.Differences);
        Assert.Contains("consentVersion: recorded 1, replayed 2", result.Differences);
    }

    [Fact]
    public async Task Unknown_disclosure_is_404()
    {
        using var client = audit.Auditor();

        using var response = await client.GetAsync(new Uri($"/api/audit/disclosures/{Guid.NewGuid()}/replay", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
