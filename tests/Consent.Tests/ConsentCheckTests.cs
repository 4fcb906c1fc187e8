using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

public sealed class ConsentCheckTests
{
    private static CheckConsent Check(string requester = "school-1", IReadOnlyList<string>? categories = null, DateTimeOffset? at = null) =>
        new("yc-1", "school-support", requester, categories ?? ["caring.role"], at ?? Later);

    [Fact]
    public void Given_no_consent_When_checked_Then_consent_missing()
    {
        var result = ConsentCheck.Evaluate(null, Check());

        Assert.Equal([ReasonCode.ConsentMissing], result.Reasons);
        Assert.Null(result.ConsentId);
    }

    [Fact]
    public void Given_active_consent_without_limits_When_checked_Then_no_reasons_and_the_consent_is_named()
    {
        var result = ConsentCheck.Evaluate(Given(Granted()), Check());

        Assert.Empty(result.Reasons);
        Assert.Equal((ConsentId, 1L, ConsentStatus.Active), (result.ConsentId!.Value, result.Version!.Value, result.Status!.Value));
    }

    [Fact]
    public void Given_paused_consent_When_checked_Then_consent_paused() =>
        Assert.Equal([ReasonCode.ConsentPaused], ConsentCheck.Evaluate(Given(Granted(), Paused()), Check()).Reasons);

    [Fact]
    public void Given_withdrawn_consent_When_checked_Then_consent_withdrawn() =>
        Assert.Equal([ReasonCode.ConsentWithdrawn], ConsentCheck.Evaluate(Given(Granted(), Withdrawn(2)), Check()).Reasons);

    [Fact]
    public void Given_active_consent_When_checked_at_its_expiry_instant_Then_consent_expired_before_the_job_records_it()
    {
        var result = ConsentCheck.Evaluate(Given(Granted(Terms(ExpiresAt))), Check(at: ExpiresAt));

        Assert.Equal([ReasonCode.ConsentExpired], result.Reasons);
        Assert.Equal(ConsentStatus.Expired, result.Status);
    }

    [Fact]
    public void Given_consent_for_other_recipients_When_checked_Then_recipient_mismatch() =>
        Assert.Equal(
            [ReasonCode.ConsentRecipientMismatch],
            ConsentCheck.Evaluate(Given(Granted(Terms(recipients: ["gp-1"]))), Check(requester: "school-1")).Reasons);

    [Fact]
    public void Given_consent_naming_the_requester_When_checked_Then_no_reasons() =>
        Assert.Empty(ConsentCheck.Evaluate(Given(Granted(Terms(recipients: ["gp-1", "school-1"]))), Check(requester: "school-1")).Reasons);

    [Fact]
    public void Given_consent_for_some_categories_When_one_requested_is_outside_Then_category_mismatch() =>
        Assert.Equal(
            [ReasonCode.ConsentCategoryMismatch],
            ConsentCheck.Evaluate(Given(Granted(Terms(categories: ["caring.role"]))), Check(categories: ["caring.role", "health.mental"])).Reasons);

    [Fact]
    public void Given_paused_consent_for_other_recipients_and_categories_When_checked_Then_every_reason_in_stable_order()
    {
        var terms = Terms(recipients: ["gp-1"], categories: ["identity.basic"]);

        var result = ConsentCheck.Evaluate(Given(Granted(terms), Paused(terms)), Check());

        Assert.Equal([ReasonCode.ConsentPaused, ReasonCode.ConsentRecipientMismatch, ReasonCode.ConsentCategoryMismatch], result.Reasons);
    }

    [Fact]
    public void Given_an_ended_and_a_live_consent_When_chosen_Then_the_live_one_decides()
    {
        var ended = Given(Granted(), Withdrawn(2)) with { GrantedAt = Later.AddDays(5) };
        var live = Given(Granted()) with { Id = Guid.NewGuid() };

        Assert.Equal(live.Id, ConsentCheck.Choose([ended, live])!.Id);
    }

    [Fact]
    public void Given_only_ended_consents_When_chosen_Then_the_latest_decides()
    {
        var older = Given(Granted(), Withdrawn(2));
        var newer = older with { Id = Guid.NewGuid(), GrantedAt = Later, Status = ConsentStatus.Expired };

        Assert.Equal(newer.Id, ConsentCheck.Choose([older, newer])!.Id);
    }
}
