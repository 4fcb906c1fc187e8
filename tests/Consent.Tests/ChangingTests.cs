using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

public sealed class PausingTests
{
    [Fact]
    public void Given_active_consent_When_paused_Then_paused_at_the_next_version_with_actor_and_reason()
    {
        var state = Given(Granted());

        var events = PauseConsent.Decide(new PauseConsent(ConsentId, Practitioner, "asked in person", Later), state);

        Assert.Equal(new ConsentEvent.Paused(ConsentId, 2, Terms(), GrantedAt, Practitioner, "asked in person", Later), Assert.Single(events));
        Assert.Equal(ConsentStatus.Paused, ConsentEvolution.Fold(events, state)!.Status);
    }

    [Fact]
    public void Given_paused_consent_When_evolved_Then_still_live()
    {
        var state = Given(Granted(), Paused());

        Assert.True(state.IsLive);
        Assert.Equal(2, state.Version);
    }

    [Fact]
    public void Given_paused_consent_When_paused_Then_refused_as_conflict() =>
        Assert.Equal(409, PauseConsent.Decide(new PauseConsent(ConsentId, YoungCarer, null, Later), Given(Granted(), Paused())).Refusal?.Status);

    [Fact]
    public void Given_withdrawn_consent_When_paused_Then_refused_as_conflict() =>
        Assert.Equal(409, PauseConsent.Decide(new PauseConsent(ConsentId, YoungCarer, null, Later), Given(Granted(), Withdrawn(2))).Refusal?.Status);

    [Fact]
    public void Given_expired_consent_When_paused_Then_refused_as_conflict()
    {
        var terms = Terms(ExpiresAt);
        var state = Given(Granted(terms), new ConsentEvent.Expired(ConsentId, 2, terms, GrantedAt, ConsentActors.ExpiryJob, ExpiresAt));

        Assert.Equal(409, PauseConsent.Decide(new PauseConsent(ConsentId, YoungCarer, null, ExpiresAt.AddDays(1)), state).Refusal?.Status);
    }

    [Fact]
    public void Given_active_consent_past_its_expiry_not_yet_recorded_When_paused_Then_refused_as_conflict() =>
        Assert.Equal(409, PauseConsent.Decide(new PauseConsent(ConsentId, YoungCarer, null, ExpiresAt), Given(Granted(Terms(ExpiresAt)))).Refusal?.Status);
}

public sealed class ResumingTests
{
    [Fact]
    public void Given_paused_consent_When_resumed_Then_active_at_the_next_version()
    {
        var state = Given(Granted(), Paused());

        var events = ResumeConsent.Decide(new ResumeConsent(ConsentId, YoungCarer, Later), state);

        Assert.Equal(new ConsentEvent.Resumed(ConsentId, 3, Terms(), GrantedAt, YoungCarer, Later), Assert.Single(events));
        var after = ConsentEvolution.Fold(events, state)!;
        Assert.Equal((ConsentStatus.Active, 3L), (after.Status, after.Version));
    }

    [Fact]
    public void Given_active_consent_When_resumed_Then_refused_as_conflict() =>
        Assert.Equal(409, ResumeConsent.Decide(new ResumeConsent(ConsentId, YoungCarer, Later), Given(Granted())).Refusal?.Status);

    [Fact]
    public void Given_withdrawn_consent_When_resumed_Then_refused_as_conflict() =>
        Assert.Equal(409, ResumeConsent.Decide(new ResumeConsent(ConsentId, YoungCarer, Later), Given(Granted(), Paused(), Withdrawn(3))).Refusal?.Status);

    [Fact]
    public void Given_paused_consent_past_its_expiry_When_resumed_Then_refused_as_conflict()
    {
        var terms = Terms(ExpiresAt);

        Assert.Equal(409, ResumeConsent.Decide(new ResumeConsent(ConsentId, YoungCarer, ExpiresAt.AddSeconds(1)), Given(Granted(terms), Paused(terms))).Refusal?.Status);
    }
}

public sealed class WithdrawingTests
{
    [Fact]
    public void Given_active_consent_When_withdrawn_Then_withdrawn_and_no_longer_live()
    {
        var state = Given(Granted());

        var events = WithdrawConsent.Decide(new WithdrawConsent(ConsentId, YoungCarer, "changed my mind", Later), state);

        Assert.Equal(new ConsentEvent.Withdrawn(ConsentId, 2, Terms(), GrantedAt, YoungCarer, "changed my mind", Later), Assert.Single(events));
        var after = ConsentEvolution.Fold(events, state)!;
        Assert.Equal(ConsentStatus.Withdrawn, after.Status);
        Assert.Null(after.LiveKey);
    }

    [Fact]
    public void Given_paused_consent_When_withdrawn_on_the_young_persons_behalf_Then_withdrawn()
    {
        var events = WithdrawConsent.Decide(new WithdrawConsent(ConsentId, Practitioner, "safeguarding concern", Later), Given(Granted(), Paused()));

        var withdrawn = Assert.IsType<ConsentEvent.Withdrawn>(Assert.Single(events));
        Assert.Equal((3L, Practitioner, "safeguarding concern"), (withdrawn.Version, withdrawn.WithdrawnBy, withdrawn.Reason));
    }

    [Fact]
    public void Given_withdrawn_consent_When_withdrawn_again_Then_refused_because_withdrawal_is_final() =>
        Assert.Equal(409, WithdrawConsent.Decide(new WithdrawConsent(ConsentId, YoungCarer, null, Later), Given(Granted(), Withdrawn(2))).Refusal?.Status);

    [Fact]
    public void Given_expired_consent_When_withdrawn_Then_refused_as_conflict() =>
        Assert.Equal(409, WithdrawConsent.Decide(new WithdrawConsent(ConsentId, YoungCarer, null, ExpiresAt), Given(Granted(Terms(ExpiresAt)))).Refusal?.Status);
}
