namespace ConsentPlatform.Audit.Tests;

/// <summary>Given(ledgered events) / When(rebuilt as at an instant) / Then(the versions that stood then).</summary>
public sealed class ReplayStateTests
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Carer = new("YoungCarer:yc-1:sam", "YoungCarer", null);
    private static readonly EventActor Officer = new("IgOfficer:la-1:ig", "IgOfficer", "la-1");
    private static readonly Guid ConsentId = Guid.Parse("0195b5e4-0000-7000-8000-000000000001");
    private static readonly Guid DsaId = Guid.Parse("0195b5e4-0000-7000-8000-000000000002");

    private static ConsentGranted Granted(DateTimeOffset at, IReadOnlyList<string>? recipients = null) =>
        new(Guid.NewGuid(), ConsentId, 1, "yc-1", "school-support", recipients ?? [], [], GivenBy.Self, at, null, ConsentStatus.Active, Carer, at);

    private static ConsentPaused Paused(DateTimeOffset at) =>
        new(Guid.NewGuid(), ConsentId, 2, "yc-1", "school-support", [], [], GivenBy.Self, T, null, ConsentStatus.Paused, null, Carer, at);

    private static DsaContent Content(string purpose = "school-support") => new(
        "Young carers",
        [new DsaParty("la-1", "Council", DsaPartyRole.Provider), new DsaParty("school-1", "School", DsaPartyRole.Recipient)],
        [new DsaPurpose(purpose, "Support at school.", ["caring.role"], new LawfulBasis(Article6Basis.PublicTask, null), true, true)],
        T.AddDays(-1),
        T.AddDays(365),
        30);

    private static readonly ShareRequest Request = new("yc-1", "school-support", "school-1", "la-1", ["caring.role"], ShareBasis.Consent, null, "Practitioner:school-1:ms-lee");

    [Fact]
    public void Given_a_consent_paused_later_When_rebuilt_before_the_pause_Then_the_active_version()
    {
        IPlatformEvent[] events = [Paused(T.AddHours(2)), Granted(T)];

        var consent = Assert.Single(StateAtMoment.Consents(events, "yc-1", "school-support", T.AddHours(1)));

        Assert.Equal((1L, ConsentStatus.Active), (consent.Version, consent.Status));
    }

    [Fact]
    public void Given_a_consent_paused_When_rebuilt_after_the_pause_Then_the_paused_version_whatever_the_ledger_order()
    {
        IPlatformEvent[] events = [Paused(T.AddHours(2)), Granted(T)];

        var consent = Assert.Single(StateAtMoment.Consents(events, "yc-1", "school-support", T.AddHours(3)));

        Assert.Equal((2L, ConsentStatus.Paused), (consent.Version, consent.Status));
    }

    [Fact]
    public void Given_a_parents_consent_confirmed_by_the_competent_young_person_When_rebuilt_Then_each_moment_has_its_own_version()
    {
        // Issue 20: asking and confirming each add a version; a replay of a share judged on version 3 must find version 3.
        var granted = new ConsentGranted(Guid.NewGuid(), ConsentId, 1, "yc-1", "school-support", [], [], GivenBy.Parent, T, null, ConsentStatus.Active, Officer, T, new ConsentProxy("mother"));
        var asked = new ProxyConsentConfirmationAsked(Guid.NewGuid(), ConsentId, 2, "yc-1", "school-support", [], [], GivenBy.Parent, T, null, ConsentStatus.Active, Guid.NewGuid(), T.AddDays(29), Officer, T.AddDays(1));
        var confirmed = new ProxyConsentConfirmed(Guid.NewGuid(), ConsentId, 3, "yc-1", "school-support", [], [], GivenBy.Self, T, null, ConsentStatus.Active, Carer, T.AddDays(2));
        IPlatformEvent[] events = [confirmed, granted, asked];

        Assert.Equal((1L, ConsentStatus.Active), Version(events, T.AddHours(1)));
        Assert.Equal((2L, ConsentStatus.Active), Version(events, T.AddDays(1).AddHours(1)));
        Assert.Equal((3L, ConsentStatus.Active), Version(events, T.AddDays(3)));
    }

    private static (long, ConsentStatus) Version(IPlatformEvent[] events, DateTimeOffset at)
    {
        var consent = Assert.Single(StateAtMoment.Consents(events, "yc-1", "school-support", at));
        return (consent.Version, consent.Status);
    }

    [Fact]
    public void Given_a_consent_for_another_purpose_or_granted_later_When_rebuilt_Then_absent()
    {
        IPlatformEvent[] events = [Granted(T.AddHours(5))];

        Assert.Empty(StateAtMoment.Consents(events, "yc-1", "school-support", T.AddHours(1)));
        Assert.Empty(StateAtMoment.Consents([Granted(T)], "yc-1", "gp-carer-register", T.AddHours(1)));
    }

    [Fact]
    public void Given_a_dsa_drafted_activated_amended_and_suspended_When_rebuilt_at_each_moment_Then_the_version_of_that_moment()
    {
        IPlatformEvent[] events =
        [
            new DsaSuspended(Guid.NewGuid(), DsaId, 3, "review", Officer, T.AddHours(3)),
            new DsaDrafted(Guid.NewGuid(), DsaId, 1, Content(), Officer, T),
            new DsaActivated(Guid.NewGuid(), DsaId, 2, Officer, T.AddHours(1)),
            new DsaAmended(Guid.NewGuid(), DsaId, 4, Content("gp-carer-register"), Officer, T.AddHours(4)),
        ];

        Assert.Empty(StateAtMoment.Dsas(events, T.AddMinutes(-1)));
        Assert.Equal((1L, DsaStatus.Draft), Single(events, T.AddMinutes(30)));
        Assert.Equal((2L, DsaStatus.Active), Single(events, T.AddHours(2)));
        Assert.Equal((3L, DsaStatus.Suspended), Single(events, T.AddHours(3)));
        var amended = Assert.Single(StateAtMoment.Dsas(events, T.AddHours(5)));
        Assert.Equal((4L, DsaStatus.Suspended, "gp-carer-register"), (amended.Version, amended.Status, amended.Content.Purposes[0].Code));
    }

    [Fact]
    public void Given_an_active_dsa_and_consent_When_a_decision_is_replayed_Then_approved_naming_both_versions()
    {
        IPlatformEvent[] dsas = [new DsaDrafted(Guid.NewGuid(), DsaId, 1, Content(), Officer, T), new DsaActivated(Guid.NewGuid(), DsaId, 2, Officer, T.AddMinutes(1))];

        var replayed = DecisionReplay.Replay(Request, T.AddHours(1), null, [Granted(T, ["school-1"])], dsas);

        Assert.Equal((ShareOutcome.Approved, ConsentId, 1L, DsaId, 2L), (replayed.Outcome, replayed.ConsentId!.Value, replayed.ConsentVersion!.Value, replayed.DsaId!.Value, replayed.DsaVersion!.Value));
    }

    [Fact]
    public void Given_a_recorded_approval_When_the_ledger_says_paused_Then_inconsistent_with_each_difference()
    {
        IPlatformEvent[] dsas = [new DsaDrafted(Guid.NewGuid(), DsaId, 1, Content(), Officer, T), new DsaActivated(Guid.NewGuid(), DsaId, 2, Officer, T.AddMinutes(1))];
        var recorded = new ShareDecision(ShareOutcome.Approved, [], ConsentId, 1, DsaId, 2, T.AddHours(3));

        var replayed = DecisionReplay.Replay(Request, recorded.CheckedAt, null, [Granted(T), Paused(T.AddHours(2))], dsas);
        var compared = DecisionReplay.Compare("DisclosureApproved", 7, recorded, replayed);

        Assert.False(compared.Consistent);
        Assert.Equal(
            ["outcome: recorded approved, replayed denied", "reasons: recorded [], replayed [consent-paused]", "consentVersion: recorded 1, replayed 2"],
            compared.Differences);
    }

    private static readonly EventActor Teacher = new("Practitioner:school-1:ms-lee", "Practitioner", "school-1");

    private static ConsentProposed Proposed(DateTimeOffset at, IReadOnlyList<string> categories) =>
        new(Guid.NewGuid(), ConsentId, 1, "yc-1", "school-support", [], categories, GivenBy.Self, at, null, ConsentStatus.Proposed, at.AddDays(30), null, Teacher, at);

    private static ConsentAccepted Accepted(DateTimeOffset at, IReadOnlyList<string> categories) =>
        new(Guid.NewGuid(), ConsentId, 2, "yc-1", "school-support", [], categories, GivenBy.Self, at, null, ConsentStatus.Active, Carer, at);

    private static IPlatformEvent[] ActiveDsa() =>
        [new DsaDrafted(Guid.NewGuid(), DsaId, 1, Content(), Officer, T), new DsaActivated(Guid.NewGuid(), DsaId, 2, Officer, T.AddMinutes(1))];

    [Fact]
    public void Given_an_open_proposal_When_a_decision_is_replayed_Then_denied_consent_missing_as_if_there_were_no_consent()
    {
        IPlatformEvent[] consents = [Proposed(T, ["caring.role"])];

        Assert.Empty(StateAtMoment.Consents(consents, "yc-1", "school-support", T.AddHours(1)));
        var replayed = DecisionReplay.Replay(Request, T.AddHours(1), null, consents, ActiveDsa());

        Assert.Equal(ShareOutcome.Denied, replayed.Outcome);
        Assert.Equal([ReasonCode.ConsentMissing], replayed.Reasons.Select(r => r.Code));
        Assert.Null(replayed.ConsentId);
    }

    [Fact]
    public void Given_a_proposal_that_lapsed_or_was_declined_When_rebuilt_Then_no_consent_not_an_expired_or_declined_one()
    {
        var lapsed = new ConsentExpired(Guid.NewGuid(), ConsentId, 2, "yc-1", "school-support", [], [], GivenBy.Self, T, null, ConsentStatus.Expired, Carer, T.AddDays(30));
        var declined = new ConsentDeclined(Guid.NewGuid(), ConsentId, 2, "yc-1", "school-support", [], [], GivenBy.Self, T, null, ConsentStatus.Declined, null, Carer, T.AddHours(2));

        Assert.Empty(StateAtMoment.Consents([Proposed(T, []), lapsed], "yc-1", "school-support", T.AddDays(31)));
        Assert.Empty(StateAtMoment.Consents([declined, Proposed(T, [])], "yc-1", "school-support", T.AddHours(3)));
    }

    [Fact]
    public void Given_a_proposal_accepted_with_fewer_categories_When_replayed_before_and_after_acceptance_Then_missing_then_the_accepted_version_decides()
    {
        IPlatformEvent[] consents = [Accepted(T.AddHours(2), ["caring.role"]), Proposed(T, ["caring.role", "caring.hours"])];

        var before = DecisionReplay.Replay(Request, T.AddHours(1), null, consents, ActiveDsa());
        var after = DecisionReplay.Replay(Request, T.AddHours(3), null, consents, ActiveDsa());
        var removed = DecisionReplay.Replay(Request with { DataCategories = ["caring.hours"] }, T.AddHours(3), null, consents, ActiveDsa());

        Assert.Equal([ReasonCode.ConsentMissing], before.Reasons.Select(r => r.Code));
        Assert.Equal((ShareOutcome.Approved, ConsentId, 2L), (after.Outcome, after.ConsentId!.Value, after.ConsentVersion!.Value));
        Assert.Contains(ReasonCode.ConsentCategoryMismatch, removed.Reasons.Select(r => r.Code));
    }

    private static (long, DsaStatus) Single(IPlatformEvent[] events, DateTimeOffset at)
    {
        var dsa = Assert.Single(StateAtMoment.Dsas(events, at));
        return (dsa.Version, dsa.Status);
    }
}

/// <summary>Issue 20: the replay says who decided the consent version a share was judged under.</summary>
public sealed class ConsentDeciderTests
{
    private static readonly DateTimeOffset T = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Officer = new("Practitioner:school-1:ms-lee", "Practitioner", "school-1");
    private static readonly EventActor Carer = new("YoungCarer:yc-1:sam", "YoungCarer", null);
    private static readonly Guid ConsentId = Guid.Parse("0195b5e4-0000-7000-8000-000000000009");

    [Fact]
    public void A_parents_version_is_decided_by_the_parent_and_the_confirmed_version_by_the_young_person()
    {
        IPlatformEvent[] events =
        [
            new ProxyConsentConfirmed(Guid.NewGuid(), ConsentId, 3, "yc-1", "school-support", [], [], GivenBy.Self, T, null, ConsentStatus.Active, Carer, T.AddDays(2)),
            new ConsentGranted(Guid.NewGuid(), ConsentId, 1, "yc-1", "school-support", [], [], GivenBy.Parent, T, null, ConsentStatus.Active, Officer, T, new ConsentProxy("mother", "Jo")),
            new ProxyConsentConfirmationAsked(Guid.NewGuid(), ConsentId, 2, "yc-1", "school-support", [], [], GivenBy.Parent, T, null, ConsentStatus.Active, Guid.NewGuid(), T.AddDays(29), Officer, T.AddDays(1)),
        ];

        Assert.Equal(new Replaying.ConsentDecider(GivenBy.Parent, new ConsentProxy("mother", "Jo")), Replaying.ReplayDisclosureEndpoint.DecidedBy(events, ConsentId, 2));
        Assert.Equal(new Replaying.ConsentDecider(GivenBy.Self, null), Replaying.ReplayDisclosureEndpoint.DecidedBy(events, ConsentId, 3));
        Assert.Null(Replaying.ReplayDisclosureEndpoint.DecidedBy(events, null, null));
    }
}
