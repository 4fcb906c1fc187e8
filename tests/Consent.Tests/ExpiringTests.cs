using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

public sealed class ExpiringTests
{
    [Fact]
    public void Given_active_consent_When_checked_at_the_boundary_instant_Then_expired()
    {
        var state = Given(Granted(Terms(ExpiresAt)));

        Assert.Equal(ConsentStatus.Active, state.StatusAt(ExpiresAt.AddTicks(-1)));
        Assert.Equal(ConsentStatus.Expired, state.StatusAt(ExpiresAt));
    }

    [Fact]
    public void Given_active_consent_When_expiry_job_runs_at_the_boundary_instant_Then_expired_once_at_expires_at()
    {
        var terms = Terms(ExpiresAt);
        var state = Given(Granted(terms));

        var events = ExpireConsent.Decide(new ExpireConsent(ConsentId, ExpiresAt), state);

        Assert.Equal(new ConsentEvent.Expired(ConsentId, 2, terms, GrantedAt, ConsentActors.ExpiryJob, ExpiresAt), Assert.Single(events));
        var after = ConsentEvolution.Fold(events, state)!;
        Assert.Equal(ConsentStatus.Expired, after.Status);
        Assert.Null(after.LiveKey);
    }

    [Fact]
    public void Given_active_consent_When_expiry_job_runs_one_tick_before_the_boundary_Then_nothing() =>
        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, ExpiresAt.AddTicks(-1)), Given(Granted(Terms(ExpiresAt)))));

    [Fact]
    public void Given_paused_consent_past_its_expiry_When_expiry_job_runs_Then_expired()
    {
        var terms = Terms(ExpiresAt);

        var events = ExpireConsent.Decide(new ExpireConsent(ConsentId, ExpiresAt.AddDays(3)), Given(Granted(terms), Paused(terms)));

        Assert.Equal(3, Assert.IsType<ConsentEvent.Expired>(Assert.Single(events)).Version);
    }

    [Fact]
    public void Given_expired_consent_When_expiry_job_runs_again_Then_nothing()
    {
        var terms = Terms(ExpiresAt);
        var state = Given(Granted(terms), new ConsentEvent.Expired(ConsentId, 2, terms, GrantedAt, ConsentActors.ExpiryJob, ExpiresAt));

        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, ExpiresAt.AddDays(1)), state));
    }

    [Fact]
    public void Given_withdrawn_consent_past_its_expiry_When_expiry_job_runs_Then_nothing() =>
        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, ExpiresAt.AddDays(1)), Given(Granted(Terms(ExpiresAt)), Withdrawn(2, Terms(ExpiresAt)))));

    [Fact]
    public void Given_consent_without_expiry_When_expiry_job_runs_Then_nothing() =>
        Assert.Empty(ExpireConsent.Decide(new ExpireConsent(ConsentId, DateTimeOffset.MaxValue), Given(Granted())));
}
