using static ConsentPlatform.Rules.Tests.Inputs;

namespace ConsentPlatform.Rules.Tests;

/// <summary>Reasons together: every failing rule is listed once, always in <see cref="ReasonCode"/> order.</summary>
public sealed class CombinationTests
{
    [Fact]
    public void Given_dsa_and_consent_and_justification_failures_When_decided_Then_all_are_listed_in_code_order()
    {
        var dsa = NotCovered(ReasonCode.RequesterNotParty, ReasonCode.CategoryOutOfScope);
        var consent = Consent(ReasonCode.ConsentPaused, ReasonCode.ConsentCategoryMismatch);

        var decision = ShareRulebook.Decide(Request(categories: ["cared-for.condition"]), consent, dsa, null, At);

        Assert.Equal(
            [ReasonCode.RequesterNotParty, ReasonCode.CategoryOutOfScope, ReasonCode.ConsentPaused, ReasonCode.ConsentCategoryMismatch, ReasonCode.JustificationRequired],
            Codes(decision));
    }

    [Fact]
    public void Given_answers_listing_reasons_out_of_order_When_decided_Then_the_decision_lists_them_in_code_order()
    {
        var dsa = NotCovered(ReasonCode.CategoryOutOfScope, ReasonCode.HolderNotParty);
        var consent = Consent(ReasonCode.ConsentCategoryMismatch, ReasonCode.ConsentExpired);

        var decision = ShareRulebook.Decide(Request(), consent, dsa, null, At);

        Assert.Equal([ReasonCode.HolderNotParty, ReasonCode.CategoryOutOfScope, ReasonCode.ConsentExpired, ReasonCode.ConsentCategoryMismatch], Codes(decision));
    }

    [Fact]
    public void Given_safeguarding_without_justification_on_a_purpose_without_override_Then_both_reasons()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, ["cared-for.condition"]), null, Dsa(allowsOverride: false), null, At);

        Assert.Equal([ReasonCode.OverrideNotAllowed, ReasonCode.JustificationRequired], Codes(decision));
    }

    [Fact]
    public void Given_an_unanswered_consent_check_and_an_uncovered_dsa_Then_both_are_listed()
    {
        var decision = ShareRulebook.Decide(Request(), null, NotCovered(ReasonCode.PurposeNotInDsa), null, At);

        Assert.Equal([ReasonCode.PurposeNotInDsa, ReasonCode.CheckUnavailable], Codes(decision));
    }

    [Fact]
    public void Given_both_checks_unanswered_and_cared_for_without_justification_Then_justification_then_unavailable()
    {
        var decision = ShareRulebook.Decide(Request(categories: ["cared-for.condition"]), null, null, null, At);

        Assert.Equal([ReasonCode.JustificationRequired, ReasonCode.CheckUnavailable], Codes(decision));
    }

    [Fact]
    public void Given_an_answer_with_a_code_this_build_does_not_know_When_decided_Then_denied_listing_it_in_code_order()
    {
        // A newer service could answer with a reason this rulebook has no name for: still a reason, never an approval.
        var unknown = (ReasonCode)70;
        var consent = Consent(unknown, ReasonCode.ConsentPaused);

        var decision = ShareRulebook.Decide(Request(), consent, NotCovered(ReasonCode.HolderNotParty), null, At);

        Assert.Equal(ShareOutcome.Denied, decision.Outcome);
        Assert.Equal([ReasonCode.HolderNotParty, ReasonCode.ConsentPaused, unknown], Codes(decision));
    }

    [Fact]
    public void Given_duplicate_reasons_from_both_answers_When_decided_Then_each_is_listed_once()
    {
        var dsa = NotCovered(ReasonCode.CategoryOutOfScope, ReasonCode.CategoryOutOfScope);

        var decision = ShareRulebook.Decide(Request(categories: []), Consent(ReasonCode.ConsentMissing, ReasonCode.ConsentMissing), dsa, null, At);

        Assert.Equal([ReasonCode.CategoryOutOfScope, ReasonCode.ConsentMissing], Codes(decision));
    }

    [Fact]
    public void Given_every_consent_reason_at_once_Then_they_are_all_listed_in_declaration_order()
    {
        ReasonCode[] consentReasons =
        [
            ReasonCode.ConsentCategoryMismatch, ReasonCode.ConsentRecipientMismatch, ReasonCode.ConsentExpired,
            ReasonCode.ConsentWithdrawn, ReasonCode.ConsentPaused, ReasonCode.ConsentMissing,
        ];

        var decision = ShareRulebook.Decide(Request(), Consent(consentReasons), Dsa(), null, At);

        Assert.Equal(consentReasons.Order(), Codes(decision));
    }

    [Fact]
    public void Reason_codes_keep_their_ledgered_order()
    {
        // Ledgered decisions list reasons in this order: reordering the enum would change history.
        string[] expected =
        [
            "NoActiveDsa", "RequesterNotParty", "HolderNotParty", "PurposeNotInDsa", "CategoryOutOfScope",
            "ConsentMissing", "ConsentPaused", "ConsentWithdrawn", "ConsentExpired", "ConsentRecipientMismatch",
            "ConsentCategoryMismatch", "OverrideNotAllowed", "JustificationRequired", "CheckUnavailable",
        ];

        Assert.Equal(expected, Enum.GetNames<ReasonCode>());
    }

    public static TheoryData<ConsentCheckResult?, DsaScopeResult?> Pairs() => new()
    {
        { null, null },
        { Consent(), null },
        { null, Dsa() },
        { NoConsent(), NotCovered(ReasonCode.NoActiveDsa) },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Given_any_failure_When_decided_Then_never_approved(ConsentCheckResult? consent, DsaScopeResult? dsa)
    {
        var decision = ShareRulebook.Decide(Request(), consent, dsa, null, At);

        Assert.Equal(ShareOutcome.Denied, decision.Outcome);
        Assert.NotEmpty(decision.Reasons);
    }
}
