using static ConsentPlatform.Audit.IntegrationTests.Support.DisclosureStory;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary><c>GET /api/me/disclosures</c>: the young carer sees every request about them, and only theirs.</summary>
public sealed class TransparencyTests(AuditFixture audit)
{
    [Fact]
    public async Task Young_carer_sees_who_asked_why_what_the_decision_the_release_each_read_and_the_refused_read()
    {
        var (s, story, dsaId, consentId, t) = DisclosureStory.Begin();
        var events = new Contracts.Common.IPlatformEvent[]
        {
            s.Drafted(dsaId, t),
            s.Activated(dsaId, 2, t.AddMinutes(1)),
            s.Granted(consentId, t.AddMinutes(2)),
            story.Requested(t.AddMinutes(10)),
            story.Approved(Decision(ShareOutcome.Approved, t.AddMinutes(10), consentId, 1, dsaId, 2)),
            story.Released(Decision(ShareOutcome.Approved, t.AddMinutes(20), consentId, 1, dsaId, 2)),
            story.Read(Decision(ShareOutcome.Approved, t.AddMinutes(30), consentId, 1, dsaId, 2)),
            story.Read(Decision(ShareOutcome.Approved, t.AddMinutes(31), consentId, 1, dsaId, 2)),
            story.ReadRefused(Decision(ShareOutcome.Denied, t.AddMinutes(50), consentId, 2, dsaId, 2, ReasonCode.ConsentPaused)),
        };
        await audit.LedgerAsync(events);
        using var client = audit.YoungCarer(s.Subject);

        var mine = await audit.GetAsync<List<MyDisclosure>>(client, "/api/me/disclosures");

        var d = Assert.Single(mine);
        Assert.Equal((story.DisclosureId, s.School, s.Council, "released"), (d.DisclosureId, d.RequestedByOrgId, d.HolderOrgId, d.Status));
        Assert.Equal(("The school", "The council"), (d.RequestedByName, d.HolderName));
        Assert.Equal(s.Purpose, d.Purpose.Code);
        Assert.Equal("So your school can support you with caring.", d.Purpose.Description);
        Assert.Equal(["caring.role"], d.DataCategories);
        Assert.Equal(ShareOutcome.Approved, d.Decision!.Outcome);
        Assert.Equal((dsaId, 2L), (d.Dsa!.DsaId, d.Dsa.Version));
        Assert.StartsWith("Support for young carers", d.Dsa.Title, StringComparison.Ordinal);
        Assert.Equal(t.AddMinutes(20), d.ReleasedAt);
        Assert.Equal([t.AddMinutes(30), t.AddMinutes(31)], d.Reads.Select(r => r.At));
        Assert.All(d.Reads, r => Assert.Equal(s.School, r.OrgId));
        var refused = Assert.Single(d.RefusedReads);
        Assert.Equal([ReasonCode.ConsentPaused], refused.Reasons.Select(r => r.Code));
        Assert.Null(d.SafeguardingOverride);
    }

    [Fact]
    public async Task Override_shows_the_approving_org_but_never_the_rationale()
    {
        var s = new Samples();
        var story = new DisclosureStory(s, ShareBasis.Safeguarding, "Disclosed risk of neglect at home this week.");
        var (dsaId, t) = (Guid.NewGuid(), s.T0);
        var approved = story.OverrideApproved(t.AddMinutes(20), "SECRET-RATIONALE for auditors only");
        var events = new Contracts.Common.IPlatformEvent[]
        {
            s.Drafted(dsaId, t),
            story.Requested(t.AddMinutes(10)),
            story.Awaiting(Decision(ShareOutcome.AwaitingOverrideApproval, t.AddMinutes(10), dsaId: dsaId, dsaVersion: 2)),
            approved,
            story.Approved(Decision(ShareOutcome.Approved, t.AddMinutes(20), dsaId: dsaId, dsaVersion: 2), approved.Approval),
        };
        await audit.LedgerAsync(events);
        using var client = audit.YoungCarer(s.Subject);

        using var response = await client.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var mine = await audit.GetAsync<List<MyDisclosure>>(client, "/api/me/disclosures");

        Assert.DoesNotContain("SECRET-RATIONALE", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Disclosed risk", body, StringComparison.Ordinal);
        var d = Assert.Single(mine);
        Assert.Equal((s.Council, "The council", t.AddMinutes(20)), (d.SafeguardingOverride!.ApprovedByOrgId, d.SafeguardingOverride.ApprovedByName, d.SafeguardingOverride.ApprovedAt));
        Assert.Equal(("approved", ShareBasis.Safeguarding), (d.Status, d.Basis));
    }

    [Fact]
    public async Task Young_carer_never_sees_another_subjects_requests()
    {
        var mine = new Samples();
        var theirs = new Samples();
        var myStory = new DisclosureStory(mine);
        var theirStory = new DisclosureStory(theirs);
        var events = new Contracts.Common.IPlatformEvent[] { myStory.Requested(mine.T0), theirStory.Requested(theirs.T0) };
        await audit.LedgerAsync(events);

        using var client = audit.YoungCarer(mine.Subject);
        var seen = await audit.GetAsync<List<MyDisclosure>>(client, "/api/me/disclosures?subjectId=" + theirs.Subject);

        Assert.Equal([myStory.DisclosureId], seen.Select(d => d.DisclosureId));
        Assert.Equal("requested", seen[0].Status);
    }

    [Theory]
    [InlineData(PlatformRoles.Auditor)]
    [InlineData(PlatformRoles.Practitioner)]
    public async Task Only_young_carers_have_a_transparency_view(string role)
    {
        using var client = audit.Host.ClientFor(role, org: role == PlatformRoles.Practitioner ? "school-1" : null);

        using var response = await client.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
