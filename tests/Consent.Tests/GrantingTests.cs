using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

public sealed class GrantingTests
{
    [Fact]
    public void Given_no_consent_When_granted_Then_granted_at_version_1_with_every_term()
    {
        var terms = Terms(ExpiresAt, ["school-1"], ["caring.role"]);

        var events = GrantConsent.Decide(new GrantConsent(ConsentId, terms, YoungCarer, GrantedAt), state: null);

        var granted = Assert.IsType<ConsentEvent.Granted>(Assert.Single(events));
        Assert.Equal(new ConsentEvent.Granted(ConsentId, 1, terms, YoungCarer, GrantedAt), granted);
    }

    [Fact]
    public void Given_granted_When_evolved_Then_active_and_live()
    {
        var state = Given(Granted());

        Assert.Equal(ConsentStatus.Active, state.Status);
        Assert.Equal(1, state.Version);
        Assert.Equal("yc-1|school-support", state.LiveKey);
    }

    [Fact]
    public void Given_granted_When_granted_again_Then_refused_as_conflict()
    {
        var state = Given(Granted());

        Assert.Equal(409, GrantConsent.Decide(new GrantConsent(ConsentId, Terms(), YoungCarer, Later), state).Refusal?.Status);
    }

    [Fact]
    public void Given_no_consent_When_granted_expiring_at_the_instant_of_granting_Then_refused()
    {
        var command = new GrantConsent(ConsentId, Terms(expiresAt: GrantedAt), YoungCarer, GrantedAt);

        var refusal = GrantConsent.Decide(command, state: null).Refusal;

        Assert.Equal(400, refusal?.Status);
        Assert.Contains("expiresAt", refusal!.Errors!.Keys);
    }

    [Fact]
    public void Given_no_consent_When_a_practitioner_records_a_parents_consent_Then_given_by_parent_is_kept()
    {
        var terms = Terms() with { GivenBy = GivenBy.Parent };

        var events = GrantConsent.Decide(new GrantConsent(ConsentId, terms, Practitioner, GrantedAt), state: null);

        var granted = Assert.IsType<ConsentEvent.Granted>(Assert.Single(events));
        Assert.Equal(GivenBy.Parent, granted.Terms.GivenBy);
        Assert.Equal(Practitioner, granted.GrantedBy);
    }
}
