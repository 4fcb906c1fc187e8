using static ConsentPlatform.Disclosure.Tests.Scenario;

namespace ConsentPlatform.Disclosure.Tests;

/// <summary>
/// Issue 20 §2, a change of mind travels: what a pause, withdrawal or expiry of the consent a
/// disclosure was approved under does to it, and the recipient's answer to a deletion request.
/// </summary>
public sealed class ChangeOfMindTests
{
    private static readonly TimeSpan Fortnight = TimeSpan.FromDays(14);
    private static readonly ConsentCheckResult ApprovingConsent = Scenario.Consent();
    private static readonly Guid ConsentId = ApprovingConsent.ConsentId!.Value;

    private static IReadOnlyList<object> Approved() => Requested(answers: Answers(ApprovingConsent));

    private static IReadOnlyList<object> Released(DisclosureState approved) =>
        ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now.AddHours(1)), approved, Answers(ApprovingConsent)).Events;

    private static IReadOnlyList<object> Read(DisclosureState released) =>
        ReadPackage.Decide(new ReadPackage(Id, Teacher, Now.AddHours(2)), released, Answers(ApprovingConsent)).Events;

    private static ApplyConsentChange Change(ConsentStatus change, Guid? consentId = null) =>
        new(consentId ?? ConsentId, change, DisclosureActors.ConsentChange, Now.AddDays(1), Fortnight);

    private static (IReadOnlyList<object> Released, IReadOnlyList<object> Read) ReleasedAndRead()
    {
        var released = Released(Given(Approved()));
        return (released, Read(Given(Approved(), released)));
    }

    [Theory]
    [InlineData(ConsentStatus.Paused)]
    [InlineData(ConsentStatus.Withdrawn)]
    [InlineData(ConsentStatus.Expired)]
    public void Given_approved_not_released_When_its_consent_changes_Then_blocked_naming_the_consent_and_the_change(ConsentStatus change)
    {
        var events = ApplyConsentChange.Decide(Change(change), Given(Approved())).Events;

        var blocked = Assert.IsType<Domain.DisclosureEvent.Blocked>(Assert.Single(events));
        Assert.Equal((ConsentId, change, Now.AddDays(1)), (blocked.ConsentId, blocked.ConsentStatus, blocked.BlockedAt));
        var state = Given(Approved(), events);
        Assert.Equal(DisclosureStatus.Blocked, state.Status);
        Assert.Equal(new BlockedShare(ConsentId, change, Now.AddDays(1)), state.Blocked);
    }

    [Fact]
    public void Given_blocked_When_released_Then_conflict()
    {
        var blocked = Given(Approved(), ApplyConsentChange.Decide(Change(ConsentStatus.Paused), Given(Approved())));

        Refused(409, ReleaseDisclosure.Decide(new ReleaseDisclosure(Id, SocialWorker, ["caring.role"], Now.AddHours(1)), blocked, Answers(ApprovingConsent)));
    }

    [Fact]
    public void Given_blocked_When_the_consent_changes_again_Then_nothing_more()
    {
        var history = ApplyConsentChange.Decide(Change(ConsentStatus.Paused), Given(Approved())).Events;

        Assert.Empty(ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), Given(Approved(), history)));
    }

    [Fact]
    public void Given_approved_under_another_consent_When_this_one_is_withdrawn_Then_nothing() =>
        Assert.Empty(ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn, Guid.NewGuid()), Given(Approved())));

    [Fact]
    public void Given_a_safeguarding_share_When_a_consent_of_the_same_id_changes_Then_nothing()
    {
        var safeguarding = Given(Requested(Request(ShareBasis.Safeguarding, Justification), Answers(ApprovingConsent)));

        Assert.Empty(ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), safeguarding));
    }

    [Fact]
    public void Given_released_never_read_When_withdrawn_Then_package_destroyed_and_reads_are_gone()
    {
        var released = Released(Given(Approved()));

        var events = ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), Given(Approved(), released)).Events;

        var destroyed = Assert.IsType<Domain.DisclosureEvent.PackageDestroyed>(Assert.Single(events));
        Assert.Equal(ConsentId, destroyed.ConsentId);
        var state = Given(Approved(), released, events);
        Assert.Equal((DisclosureStatus.Destroyed, (DateTimeOffset?)Now.AddDays(1)), (state.Status, state.DestroyedAt));
    }

    [Theory]
    [InlineData(ConsentStatus.Paused)]
    [InlineData(ConsentStatus.Expired)]
    public void Given_released_When_paused_or_expired_Then_nothing_every_read_checks_again(ConsentStatus change)
    {
        var released = Released(Given(Approved()));

        Assert.Empty(ApplyConsentChange.Decide(Change(change), Given(Approved(), released)));
    }

    [Fact]
    public void Given_released_and_read_When_withdrawn_Then_the_recipient_is_asked_to_delete_within_the_set_time()
    {
        var (released, read) = ReleasedAndRead();

        var events = ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), Given(Approved(), released, read)).Events;

        var asked = Assert.IsType<Domain.DisclosureEvent.DeletionRequested>(Assert.Single(events));
        Assert.Equal(Now.AddDays(1) + Fortnight, asked.AnswerBy);
        var state = Given(Approved(), released, read, events);
        Assert.Equal(DisclosureStatus.Released, state.Status);
        Assert.Equal(new DeletionRequest(ConsentId, Now.AddDays(1), Now.AddDays(15)), state.Deletion);
        Assert.False(state.Deletion!.IsOverdue(Now.AddDays(15).AddSeconds(-1)));
        Assert.True(state.Deletion.IsOverdue(Now.AddDays(15)));
        // Redelivered: asked once.
        Assert.Empty(ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), state));
    }

    [Fact]
    public void Given_a_deletion_request_When_the_recipient_answers_deleted_Then_answered_once()
    {
        var (released, read) = ReleasedAndRead();
        var asked = ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), Given(Approved(), released, read)).Events;
        var state = Given(Approved(), released, read, asked);

        var events = AnswerDeletion.Decide(new AnswerDeletion(Id, DeletionOutcome.Deleted, null, Teacher, Now.AddDays(2)), state).Events;

        var answered = Assert.IsType<Domain.DisclosureEvent.DeletionAnswered>(Assert.Single(events));
        Assert.Equal(DeletionOutcome.Deleted, answered.Outcome);
        var after = Given(Approved(), released, read, asked, events);
        Assert.Equal((DeletionOutcome.Deleted, (DateTimeOffset?)Now.AddDays(2)), (after.Deletion!.Outcome, after.Deletion.AnsweredAt));
        Assert.False(after.Deletion.IsOverdue(Now.AddYears(1)));
        Refused(409, AnswerDeletion.Decide(new AnswerDeletion(Id, DeletionOutcome.Retained, "A court order.", Teacher, Now.AddDays(3)), after));
    }

    [Fact]
    public void Given_a_deletion_request_When_retained_without_a_reason_Then_invalid_and_with_one_Then_kept_with_it()
    {
        var (released, read) = ReleasedAndRead();
        var state = Given(Approved(), released, read, ApplyConsentChange.Decide(Change(ConsentStatus.Withdrawn), Given(Approved(), released, read)));

        var invalid = Refused(400, AnswerDeletion.Decide(new AnswerDeletion(Id, DeletionOutcome.Retained, " ", Teacher, Now.AddDays(2)), state));
        Assert.Equal(["reason"], invalid.Errors!.Keys);
        var kept = Assert.IsType<Domain.DisclosureEvent.DeletionAnswered>(Assert.Single(AnswerDeletion.Decide(new AnswerDeletion(Id, DeletionOutcome.Retained, "Kept on the child protection file by law.", Teacher, Now.AddDays(2)), state)));
        Assert.Equal("Kept on the child protection file by law.", kept.Reason);
    }

    [Fact]
    public void Given_no_deletion_request_When_answered_Then_conflict() =>
        Refused(409, AnswerDeletion.Decide(new AnswerDeletion(Id, DeletionOutcome.Deleted, null, Teacher, Now), Given(Approved())));
}
