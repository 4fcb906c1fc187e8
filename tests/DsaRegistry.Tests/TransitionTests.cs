using static ConsentPlatform.DsaRegistry.Tests.Samples;
using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Tests;

public sealed class DraftingTests
{
    [Fact]
    public void Given_valid_terms_from_an_officer_of_a_party_When_drafted_Then_draft_version_1()
    {
        var drafted = Only<AgreementEvent.Drafted>(Drafting.Drafting.Decide(new DraftDsa(DsaId, Terms, Officer(), Now)));

        Assert.Equal(DsaId, drafted.DsaId);
        Assert.Equal(Now, drafted.DraftedAt);
        Assert.Equal(Officer(), drafted.DraftedBy);
        Assert.Equal("Young carers support: council and school", drafted.Content.Title);
        Assert.Equal([DsaPartyRole.Both, DsaPartyRole.Both], drafted.Content.Parties.Select(p => p.Role));
        Assert.Equal(Article9Condition.HealthOrSocialCare, drafted.Content.Purposes[1].LawfulBasis.Article9);

        var state = Given(drafted);
        Assert.Equal((DsaStatus.Draft, 1L), (state.Status, state.Version));
    }

    [Fact]
    public void Given_an_officer_of_another_org_When_drafted_Then_forbidden()
    {
        Refused(403, Drafting.Drafting.Decide(new DraftDsa(DsaId, Terms, Officer(Stranger), Now)));
    }

    [Fact]
    public void Given_a_practitioner_of_a_party_When_drafted_Then_forbidden()
    {
        Refused(403, Drafting.Drafting.Decide(new DraftDsa(DsaId, Terms, Practitioner(), Now)));
    }

    [Fact]
    public void Given_invalid_terms_When_drafted_Then_validation_error_naming_the_field()
    {
        var error = Refused(400, Drafting.Drafting.Decide(new DraftDsa(DsaId, Terms with { RetentionDays = 0 }, Officer(), Now)));

        Assert.Equal(["retentionDays"], error.Errors!.Keys);
    }

    [Fact]
    public void Given_no_body_When_drafted_Then_validation_error()
    {
        Refused(400, Drafting.Drafting.Decide(new DraftDsa(DsaId, null, Officer(), Now)));
    }
}

public sealed class AmendingTests
{
    private static readonly DsaTerms NewTerms = Terms with { Title = "Second version", RetentionDays = 180 };

    [Theory]
    [InlineData(DsaStatus.Draft)]
    [InlineData(DsaStatus.Suspended)]
    public void Given_draft_or_suspended_When_amended_Then_new_version_with_new_content_and_same_status(DsaStatus status)
    {
        var state = status == DsaStatus.Draft ? Given(Drafted()) : Given(Drafted(), Activated, Suspended);

        var amended = Only<AgreementEvent.Amended>(Amending.Amending.Decide(new AmendDsa(DsaId, NewTerms, Officer(School), Now), state));

        Assert.Equal(("Second version", 180), (amended.Content.Title, amended.Content.RetentionDays));
        var after = AgreementEvolution.Evolve(state, amended);
        Assert.Equal((status, state.Version + 1, "Second version"), (after.Status, after.Version, after.Content.Title));
    }

    [Fact]
    public void Given_active_When_amended_Then_conflict()
    {
        Refused(409, Amending.Amending.Decide(new AmendDsa(DsaId, NewTerms, Officer(), Now), Given(Drafted(), Activated)));
    }

    [Fact]
    public void Given_terminated_When_amended_Then_conflict()
    {
        Refused(409, Amending.Amending.Decide(new AmendDsa(DsaId, NewTerms, Officer(), Now), Given(Drafted(), Terminated)));
    }

    [Fact]
    public void Given_active_When_amended_with_invalid_terms_Then_conflict_first()
    {
        Refused(409, Amending.Amending.Decide(new AmendDsa(DsaId, Terms with { Title = null }, Officer(), Now), Given(Drafted(), Activated)));
    }

    [Fact]
    public void Given_draft_When_amended_with_invalid_terms_Then_validation_error()
    {
        var error = Refused(400, Amending.Amending.Decide(new AmendDsa(DsaId, Terms with { Purposes = [] }, Officer(), Now), Given(Drafted())));

        Assert.Contains("purposes", error.Errors!.Keys);
    }

    [Fact]
    public void Given_draft_When_amended_by_an_officer_of_a_non_party_Then_forbidden()
    {
        Refused(403, Amending.Amending.Decide(new AmendDsa(DsaId, NewTerms, Officer(Stranger), Now), Given(Drafted())));
    }

    [Fact]
    public void Given_draft_When_the_officer_amends_their_own_org_out_Then_forbidden()
    {
        var withoutSchool = Terms with
        {
            Parties = [new PartyTerms(LocalAuthority, "Example Council", "provider"), new PartyTerms(Stranger, "Example GP", "recipient")],
        };

        Refused(403, Amending.Amending.Decide(new AmendDsa(DsaId, withoutSchool, Officer(School), Now), Given(Drafted())));
    }
}

public sealed class ActivatingTests
{
    [Fact]
    public void Given_valid_draft_signed_by_every_party_When_activated_Then_active()
    {
        var state = Given(Drafted(), SignedBy(LocalAuthority), SignedBy(School));

        var activated = Only<AgreementEvent.Activated>(Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(School), Now), state));

        Assert.Equal((DsaId, Now, Officer(School)), (activated.DsaId, activated.ActivatedAt, activated.ActivatedBy));
        Assert.Equal((DsaStatus.Active, 4L), (AgreementEvolution.Evolve(state, activated).Status, AgreementEvolution.Evolve(state, activated).Version));
    }

    [Fact]
    public void Given_draft_one_party_has_not_signed_When_activated_Then_conflict_naming_it()
    {
        var error = Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(), SignedBy(LocalAuthority))));

        Assert.Contains(School, error.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain($"({LocalAuthority})", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_draft_not_yet_in_effect_When_activated_Then_active()
    {
        var future = Content with { EffectiveFrom = Now.AddDays(30), EffectiveTo = Now.AddDays(400) };

        var activated = Only<AgreementEvent.Activated>(Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(future), SignedBy(LocalAuthority), SignedBy(School))));

        Assert.Equal(Now, activated.ActivatedAt);
    }

    [Fact]
    public void Given_draft_whose_window_has_ended_When_activated_Then_conflict()
    {
        var ended = Content with { EffectiveFrom = Now.AddDays(-30), EffectiveTo = Now.AddDays(-1) };

        var error = Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(ended))));

        Assert.Contains("ended", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_draft_ending_exactly_now_When_activated_Then_conflict()
    {
        var endsNow = Content with { EffectiveTo = Now };

        Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(endsNow))));
    }

    [Fact]
    public void Given_draft_that_breaks_the_rules_When_activated_Then_conflict_naming_the_rule()
    {
        // Content stored before a rule existed (events are not validated on replay).
        var noRecipient = Content with { Parties = [new DsaParty(LocalAuthority, "Example Council", DsaPartyRole.Provider)] };

        var error = Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(noRecipient))));

        Assert.Contains("recipient", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_active_When_activated_Then_conflict()
    {
        Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(), Activated)));
    }

    [Fact]
    public void Given_suspended_When_activated_Then_conflict()
    {
        Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(), Activated, Suspended)));
    }

    [Fact]
    public void Given_terminated_When_activated_Then_conflict()
    {
        Refused(409, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(), Now), Given(Drafted(), Terminated)));
    }

    [Fact]
    public void Given_draft_When_a_practitioner_of_a_party_activates_Then_forbidden()
    {
        Refused(403, Activating.Activating.Decide(new ActivateDsa(DsaId, Practitioner(), Now), Given(Drafted())));
    }

    [Fact]
    public void Given_draft_When_an_officer_of_a_non_party_activates_Then_forbidden()
    {
        Refused(403, Activating.Activating.Decide(new ActivateDsa(DsaId, Officer(Stranger), Now), Given(Drafted())));
    }
}

public sealed class SuspendingTests
{
    [Fact]
    public void Given_active_When_suspended_Then_suspended_with_the_reason()
    {
        var state = Given(Drafted(), Activated);

        var suspended = Only<AgreementEvent.Suspended>(Suspending.Suspending.Decide(new SuspendDsa(DsaId, "  Breach reported  ", Officer(), Now), state));

        Assert.Equal("Breach reported", suspended.Reason);
        var after = AgreementEvolution.Evolve(state, suspended);
        Assert.Equal((DsaStatus.Suspended, "Breach reported", 3L), (after.Status, after.StatusReason, after.Version));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Given_active_When_suspended_without_a_reason_Then_validation_error(string? reason)
    {
        var error = Refused(400, Suspending.Suspending.Decide(new SuspendDsa(DsaId, reason, Officer(), Now), Given(Drafted(), Activated)));

        Assert.Equal(["reason"], error.Errors!.Keys);
    }

    [Fact]
    public void Given_active_When_suspended_with_an_overlong_reason_Then_validation_error()
    {
        Refused(400, Suspending.Suspending.Decide(new SuspendDsa(DsaId, new string('x', Governance.MaxReasonLength + 1), Officer(), Now), Given(Drafted(), Activated)));
    }

    [Fact]
    public void Given_draft_When_suspended_Then_conflict()
    {
        Refused(409, Suspending.Suspending.Decide(new SuspendDsa(DsaId, "why", Officer(), Now), Given(Drafted())));
    }

    [Fact]
    public void Given_suspended_When_suspended_Then_conflict()
    {
        Refused(409, Suspending.Suspending.Decide(new SuspendDsa(DsaId, "why", Officer(), Now), Given(Drafted(), Activated, Suspended)));
    }

    [Fact]
    public void Given_terminated_When_suspended_Then_conflict()
    {
        Refused(409, Suspending.Suspending.Decide(new SuspendDsa(DsaId, "why", Officer(), Now), Given(Drafted(), Activated, Terminated)));
    }

    [Fact]
    public void Given_active_When_an_officer_of_a_non_party_suspends_Then_forbidden()
    {
        Refused(403, Suspending.Suspending.Decide(new SuspendDsa(DsaId, "why", Officer(Stranger), Now), Given(Drafted(), Activated)));
    }
}

public sealed class ReinstatingTests
{
    [Fact]
    public void Given_suspended_and_signed_again_by_every_party_When_reinstated_Then_active_again_without_the_suspension_reason()
    {
        var state = Given(Drafted(), Activated, Suspended, SignedBy(LocalAuthority), SignedBy(School));

        var reinstated = Only<AgreementEvent.Reinstated>(Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), Now), state));

        var after = AgreementEvolution.Evolve(state, reinstated);
        Assert.Equal((DsaStatus.Active, null, 6L), (after.Status, after.StatusReason, after.Version));
    }

    [Fact]
    public void Given_suspended_when_the_signatures_from_before_the_suspension_are_all_there_is_Then_reinstating_is_conflict()
    {
        var state = Given(Drafted(), SignedBy(LocalAuthority), SignedBy(School), Activated, Suspended);

        Assert.Empty(state.Signatures);
        Refused(409, Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), Now), state));
    }

    [Fact]
    public void Given_suspended_whose_window_has_ended_When_reinstated_Then_conflict()
    {
        Refused(409, Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), To), Given(Drafted(), Activated, Suspended)));
    }

    [Fact]
    public void Given_suspended_and_amended_to_break_a_rule_When_reinstated_Then_conflict()
    {
        var broken = Content with { RetentionDays = 0 };

        Refused(409, Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), Now), Given(Drafted(), Activated, Suspended, Amended(broken))));
    }

    [Fact]
    public void Given_active_When_reinstated_Then_conflict()
    {
        Refused(409, Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), Now), Given(Drafted(), Activated)));
    }

    [Fact]
    public void Given_draft_When_reinstated_Then_conflict()
    {
        Refused(409, Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), Now), Given(Drafted())));
    }

    [Fact]
    public void Given_terminated_When_reinstated_Then_conflict()
    {
        Refused(409, Reinstating.Reinstating.Decide(new ReinstateDsa(DsaId, Officer(), Now), Given(Drafted(), Activated, Suspended, Terminated)));
    }
}

public sealed class TerminatingTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Given_draft_active_or_suspended_When_terminated_Then_terminated_with_the_reason(int stage)
    {
        object[][] histories = [[Drafted()], [Drafted(), Activated], [Drafted(), Activated, Suspended]];
        var state = Given(histories[stage]);

        var terminated = Only<AgreementEvent.Terminated>(Terminating.Terminating.Decide(new TerminateDsa(DsaId, "Replaced by a new agreement", Officer(), Now), state));

        var after = AgreementEvolution.Evolve(state, terminated);
        Assert.Equal((DsaStatus.Terminated, "Replaced by a new agreement"), (after.Status, after.StatusReason));
    }

    [Fact]
    public void Given_terminated_When_terminated_Then_conflict_because_final()
    {
        Refused(409, Terminating.Terminating.Decide(new TerminateDsa(DsaId, "again", Officer(), Now), Given(Drafted(), Terminated)));
    }

    [Fact]
    public void Given_active_When_terminated_without_a_reason_Then_validation_error()
    {
        Refused(400, Terminating.Terminating.Decide(new TerminateDsa(DsaId, null, Officer(), Now), Given(Drafted(), Activated)));
    }

    [Fact]
    public void Given_active_When_an_auditor_terminates_Then_forbidden()
    {
        var auditor = new Contracts.Common.EventActor("auditor", Hosting.Authentication.PlatformRoles.Auditor, null);

        Refused(403, Terminating.Terminating.Decide(new TerminateDsa(DsaId, "why", auditor, Now), Given(Drafted(), Activated)));
    }
}

public sealed class SigningTests
{
    [Fact]
    public void Given_draft_When_the_first_party_signs_Then_signed_and_still_draft_awaiting_the_other()
    {
        var state = Given(Drafted());

        var events = Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(LocalAuthority), Now), state).Events;

        var signed = Assert.IsType<AgreementEvent.Signed>(Assert.Single(events));
        var after = AgreementEvolution.Fold([Drafted(), signed])!;
        Assert.Equal((1L, LocalAuthority), (signed.SignedVersion, signed.OrgId));
        Assert.Equal(DsaStatus.Draft, after.Status);
        Assert.Equal([School], after.AwaitingSignatureFrom.Select(p => p.OrgId));
    }

    [Fact]
    public void Given_draft_signed_by_one_party_When_the_last_party_signs_Then_signed_and_activated_together()
    {
        var state = Given(Drafted(), SignedBy(LocalAuthority));

        var events = Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(School), Now), state).Events;

        Assert.Collection(events, e => Assert.IsType<AgreementEvent.Signed>(e), e => Assert.IsType<AgreementEvent.Activated>(e));
        Assert.Equal(DsaStatus.Active, events.Aggregate(state, AgreementEvolution.Evolve).Status);
    }

    [Fact]
    public void Given_suspended_When_every_party_signs_again_Then_reinstated_by_the_last_signature()
    {
        var state = Given(Drafted(), SignedBy(LocalAuthority), SignedBy(School), Activated, Suspended, SignedBy(School));

        var events = Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(LocalAuthority), Now), state).Events;

        Assert.IsType<AgreementEvent.Reinstated>(events[^1]);
    }

    [Fact]
    public void Given_draft_amended_after_a_signature_Then_the_signature_is_gone_and_the_old_version_cannot_be_signed()
    {
        var state = Given(Drafted(), SignedBy(LocalAuthority), Amended());

        Assert.Empty(state.Signatures);
        Assert.Equal(3L, state.TermsVersion);
        Refused(409, Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(School), Now), state));
        Assert.Single(Signing.Signing.Decide(new SignDsa(DsaId, 3, Officer(School), Now), state).Events);
    }

    [Fact]
    public void Given_draft_When_signed_twice_by_one_party_or_by_a_stranger_or_a_practitioner_or_without_a_version_Then_refused()
    {
        Refused(409, Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(LocalAuthority), Now), Given(Drafted(), SignedBy(LocalAuthority))));
        Refused(403, Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(Stranger), Now), Given(Drafted())));
        Refused(403, Signing.Signing.Decide(new SignDsa(DsaId, 1, Practitioner(), Now), Given(Drafted())));
        Refused(400, Signing.Signing.Decide(new SignDsa(DsaId, null, Officer(), Now), Given(Drafted())));
    }

    [Fact]
    public void Given_active_or_terminated_When_signed_Then_conflict()
    {
        Refused(409, Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(), Now), Given(Drafted(), SignedBy(LocalAuthority), SignedBy(School), Activated)));
        Refused(409, Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(), Now), Given(Drafted(), Terminated)));
    }

    [Fact]
    public void Given_draft_whose_window_has_ended_When_the_last_party_signs_Then_conflict_and_nothing_signed()
    {
        var ended = Content with { EffectiveFrom = Now.AddDays(-30), EffectiveTo = Now.AddDays(-1) };

        Refused(409, Signing.Signing.Decide(new SignDsa(DsaId, 1, Officer(School), Now), Given(Drafted(ended), SignedBy(LocalAuthority))));
    }
}
