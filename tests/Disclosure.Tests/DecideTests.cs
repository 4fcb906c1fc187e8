using static ConsentPlatform.Disclosure.Tests.Scenario;

namespace ConsentPlatform.Disclosure.Tests;

public sealed class DecideTests
{
    [Fact]
    public void Given_nothing_When_requested_with_allowing_answers_Then_requested_and_approved_with_the_retention()
    {
        var events = Requested();

        Assert.IsType<Domain.DisclosureEvent.Requested>(events[0]);
        var approved = Assert.IsType<Domain.DisclosureEvent.Approved>(events[1]);
        Assert.Equal(Now.AddDays(30), approved.AvailableUntil);
        Assert.Equal(DisclosureStatus.Approved, Given(events).Status);
    }

    [Fact]
    public void Given_nothing_When_no_check_answers_Then_denied_check_unavailable()
    {
        var events = Requested(answers: new LiveAnswers(null, null));

        var denied = Assert.IsType<Domain.DisclosureEvent.Denied>(events[1]);
        Assert.Equal([ReasonCode.CheckUnavailable], denied.Judgement.Decision.Reasons.Select(r => r.Code));
        Assert.Equal(DisclosureStatus.Denied, Given(events).Status);
    }

    [Fact]
    public void Given_nothing_When_safeguarding_requested_Then_awaiting_override_approval()
    {
        var events = Requested(Request(ShareBasis.Safeguarding, Justification), Answers(dsa: Dsa(allowsOverride: true)));

        Assert.IsType<Domain.DisclosureEvent.AwaitingOverrideApproval>(events[1]);
        Assert.Equal(DisclosureStatus.AwaitingOverrideApproval, Given(events).Status);
    }

    [Fact]
    public void Given_awaiting_When_another_lead_approves_Then_override_recorded_and_approved()
    {
        var state = Given(Requested(Request(ShareBasis.Safeguarding, Justification), Answers(dsa: Dsa(allowsOverride: true))));

        var events = ApproveOverride.Decide(new ApproveOverride(Id, CouncilLead, "lee", "Child at risk.", Now.AddMinutes(5)), state, Answers(dsa: Dsa(allowsOverride: true))).Events;

        var overridden = Assert.IsType<Domain.DisclosureEvent.SafeguardingOverrideApproved>(events[0]);
        Assert.Equal(("Child at risk.", CouncilLead.UserId), (overridden.Rationale, overridden.Approval.ApprovedBy));
        var approved = Assert.IsType<Domain.DisclosureEvent.Approved>(events[1]);
        Assert.NotNull(approved.Approval);
    }

    [Fact]
    public void Given_awaiting_When_the_dsa_was_suspended_meanwhile_Then_override_recorded_and_denied()
    {
        var state = Given(Requested(Request(ShareBasis.Safeguarding, Justification), Answers(dsa: Dsa(allowsOverride: true))));

        var events = ApproveOverride.Decide(new ApproveOverride(Id, CouncilLead, "lee", "Child at risk.", Now), state, new LiveAnswers(null, DsaScopeResult.Denied([ReasonCode.NoActiveDsa], Now))).Events;

        Assert.IsType<Domain.DisclosureEvent.SafeguardingOverrideApproved>(events[0]);
        Assert.IsType<Domain.DisclosureEvent.Denied>(events[1]);
    }

    [Fact]
    public void Given_awaiting_When_the_requester_approves_under_another_role_Then_forbidden()
    {
        var state = Given(Requested(Request(ShareBasis.Safeguarding, Justification), Answers(dsa: Dsa(allowsOverride: true))));
        var sameSam = new Contracts.Common.EventActor("SafeguardingLead:school-1:sam", "SafeguardingLead", "school-1");

        Refused(403, ApproveOverride.Decide(new ApproveOverride(Id, sameSam, "Sam", "Child at risk.", Now), state, Answers()));
    }

    [Fact]
    public void Given_approved_When_override_approved_Then_conflict() =>
        Refused(409, ApproveOverride.Decide(new ApproveOverride(Id, CouncilLead, "lee", "r", Now), Given(Requested()), Answers()));

    [Fact]
    public void Given_approved_When_released_Then_released_with_sorted_categories_until_the_window_ends()
    {
        var state = Given(Requested(Request() with { DataCategories = ["caring.role", "identity.basic"] }));

        var events = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["identity.basic", "caring.role"], Now.AddHours(1)), state, Answers()).Events;

        var released = Assert.IsType<Domain.DisclosureEvent.Released>(Assert.Single(events));
        Assert.Equal(["caring.role", "identity.basic"], released.ReleasedCategories);
        Assert.Equal(Now.AddDays(30), released.AvailableUntil);
    }

    [Fact]
    public void Given_approved_When_consent_paused_since_Then_release_refused_with_the_reason()
    {
        var events = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(Requested()), Answers(Scenario.Consent(ReasonCode.ConsentPaused))).Events;

        var refused = Assert.IsType<Domain.DisclosureEvent.ReleaseRefused>(Assert.Single(events));
        Assert.True(refused.Judgement.Decision.Has(ReasonCode.ConsentPaused));
        Assert.Equal(DisclosureStatus.Approved, Given(Requested(), events).Status);
    }

    [Fact]
    public void Given_approved_When_released_with_an_unapproved_category_Then_unprocessable() =>
        Refused(422, ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role", "health.mental"], Now), Given(Requested()), Answers()));

    [Fact]
    public void Given_approved_When_released_after_the_retention_window_Then_conflict_and_nothing_released() =>
        Refused(409, ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now.AddDays(30)), Given(Requested()), Answers()));

    [Fact]
    public void Given_approved_When_released_just_inside_the_retention_window_Then_released() =>
        Assert.IsType<Domain.DisclosureEvent.Released>(Assert.Single(ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now.AddDays(30).AddSeconds(-1)), Given(Requested()), Answers())));

    [Fact]
    public void Given_denied_When_released_Then_conflict() =>
        Refused(409, ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(Requested(answers: new LiveAnswers(null, null))), Answers()));

    [Fact]
    public void Given_released_When_read_Then_package_read_and_counted()
    {
        var released = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(Requested()), Answers());
        var state = Given(Requested(), released);

        var events = ReadPackage.Decide(new ReadPackage(Id, Teacher, Now.AddHours(2)), state, Answers()).Events;

        Assert.IsType<Domain.DisclosureEvent.PackageRead>(Assert.Single(events));
        Assert.Equal(1, Given(Requested(), released, events).Reads);
    }

    [Fact]
    public void Given_released_When_the_dsa_is_suspended_Then_read_refused()
    {
        var released = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(Requested()), Answers());

        var events = ReadPackage.Decide(new ReadPackage(Id, Teacher, Now), Given(Requested(), released), new LiveAnswers(Scenario.Consent(), DsaScopeResult.Denied([ReasonCode.NoActiveDsa], Now))).Events;

        var refused = Assert.IsType<Domain.DisclosureEvent.PackageReadRefused>(Assert.Single(events));
        Assert.True(refused.Judgement.Decision.Has(ReasonCode.NoActiveDsa));
    }

    [Fact]
    public void Given_approved_not_released_When_read_Then_conflict() =>
        Refused(409, ReadPackage.Decide(new ReadPackage(Id, Teacher, Now), Given(Requested()), Answers()));

    [Fact]
    public void Given_released_When_the_window_has_ended_Then_purged_and_not_before()
    {
        var released = ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now), Given(Requested()), Answers());
        var state = Given(Requested(), released);

        Assert.Empty(PurgePackage.Decide(new PurgePackage(Id, DisclosureActors.PurgeJob, Now.AddDays(30).AddTicks(-1)), state));
        var purged = PurgePackage.Decide(new PurgePackage(Id, DisclosureActors.PurgeJob, Now.AddDays(30)), state).Events;

        Assert.IsType<Domain.DisclosureEvent.PackagePurged>(Assert.Single(purged));
        Assert.Equal(DisclosureStatus.Purged, Given(Requested(), released, purged).Status);
    }

    /// <summary>The platform's one rule for an event this code does not know (issue 24): nothing changes but the version, which stays the stream's.</summary>
    [Fact]
    public void Given_an_approved_disclosure_When_an_unknown_event_applies_Then_only_the_version_moves()
    {
        var state = Given(Requested());

        var after = DisclosureEvolution.Evolve(state, new UnknownEvent("from a newer writer"));

        Assert.Equal(state with { Version = state.Version + 1 }, after);
    }

    private sealed record UnknownEvent(string Note);
}
