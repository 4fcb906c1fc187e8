using static ConsentPlatform.Rules.Tests.Inputs;

namespace ConsentPlatform.Rules.Tests;

public sealed class OutcomeTests
{
    [Fact]
    public void Given_active_consent_and_covering_dsa_When_decided_Then_approved_naming_both_versions()
    {
        var decision = ShareRulebook.Decide(Request(), Consent(), Dsa(), null, At);

        Assert.Equal(ShareOutcome.Approved, decision.Outcome);
        Assert.Empty(decision.Reasons);
        Assert.Equal((ConsentId, 3L, DsaId, 2L, At), (decision.ConsentId!.Value, decision.ConsentVersion!.Value, decision.DsaId!.Value, decision.DsaVersion!.Value, decision.CheckedAt));
    }

    [Fact]
    public void Given_purpose_not_requiring_consent_When_decided_without_a_consent_answer_Then_approved_without_a_consent()
    {
        var decision = ShareRulebook.Decide(Request(), null, Dsa(requiresConsent: false), null, At);

        Assert.Equal(ShareOutcome.Approved, decision.Outcome);
        Assert.Null(decision.ConsentId);
        Assert.Equal(DsaId, decision.DsaId);
    }

    [Fact]
    public void Given_purpose_not_requiring_consent_When_the_consent_is_paused_Then_still_approved()
    {
        var decision = ShareRulebook.Decide(Request(), Consent(ReasonCode.ConsentPaused), Dsa(requiresConsent: false), null, At);

        Assert.Equal(ShareOutcome.Approved, decision.Outcome);
        Assert.Null(decision.ConsentVersion);
    }

    [Fact]
    public void Given_cared_for_category_with_20_character_justification_When_decided_Then_approved()
    {
        var decision = ShareRulebook.Decide(Request(categories: ["cared-for.condition"], justification: "exactly twenty chars"), Consent(), Dsa(), null, At);

        Assert.Equal(ShareOutcome.Approved, decision.Outcome);
    }

    [Fact]
    public void Given_denied_consent_When_decided_Then_the_judged_consent_is_still_named()
    {
        var decision = ShareRulebook.Decide(Request(), Consent(ReasonCode.ConsentPaused), Dsa(), null, At);

        Assert.Equal((ConsentId, 3L), (decision.ConsentId!.Value, decision.ConsentVersion!.Value));
    }

    [Fact]
    public void Given_dsa_not_covering_When_decided_Then_no_dsa_is_named()
    {
        var decision = ShareRulebook.Decide(Request(), Consent(), NotCovered(ReasonCode.NoActiveDsa), null, At);

        Assert.Null(decision.DsaId);
        Assert.Null(decision.DsaVersion);
    }

    [Fact]
    public void Given_not_covered_answer_without_reasons_When_decided_Then_no_active_dsa()
    {
        var decision = ShareRulebook.Decide(Request(), Consent(), NotCovered(), null, At);

        Assert.Equal([ReasonCode.NoActiveDsa], Codes(decision));
    }

    [Fact]
    public void Given_safeguarding_request_allowed_and_justified_When_decided_without_approval_Then_awaiting_override_approval()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, justification: LongJustification), null, Dsa(allowsOverride: true), null, At);

        Assert.Equal(ShareOutcome.AwaitingOverrideApproval, decision.Outcome);
        Assert.Empty(decision.Reasons);
        Assert.Null(decision.ConsentId);
    }

    [Fact]
    public void Given_safeguarding_request_When_another_lead_approved_Then_approved()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, justification: LongJustification), null, Dsa(allowsOverride: true), ApprovalBy("lead-1"), At);

        Assert.Equal(ShareOutcome.Approved, decision.Outcome);
    }

    [Fact]
    public void Given_safeguarding_request_When_the_requester_approved_it_Then_still_awaiting()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, justification: LongJustification, requestedBy: "lead-1"), null, Dsa(allowsOverride: true), ApprovalBy("lead-1"), At);

        Assert.Equal(ShareOutcome.AwaitingOverrideApproval, decision.Outcome);
    }

    [Fact]
    public void Given_safeguarding_request_When_approved_by_someone_not_a_safeguarding_lead_Then_still_awaiting()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, justification: LongJustification), null, Dsa(allowsOverride: true), ApprovalBy("p-2", "Practitioner"), At);

        Assert.Equal(ShareOutcome.AwaitingOverrideApproval, decision.Outcome);
    }

    [Fact]
    public void Given_safeguarding_request_When_approved_but_the_dsa_is_suspended_since_Then_denied()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, justification: LongJustification), null, NotCovered(ReasonCode.NoActiveDsa), ApprovalBy(), At);

        Assert.Equal([ReasonCode.NoActiveDsa], Codes(decision));
    }

    [Fact]
    public void Given_safeguarding_basis_When_the_consent_is_withdrawn_Then_consent_is_not_judged()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, justification: LongJustification), Consent(ReasonCode.ConsentWithdrawn), Dsa(allowsOverride: true), ApprovalBy(), At);

        Assert.Equal(ShareOutcome.Approved, decision.Outcome);
        Assert.Null(decision.ConsentId);
    }

    [Fact]
    public void Given_safeguarding_with_a_short_justification_for_cared_for_data_Then_justification_required()
    {
        var decision = ShareRulebook.Decide(Request(ShareBasis.Safeguarding, ["cared-for.condition"], "child at risk"), null, Dsa(allowsOverride: true), ApprovalBy(), At);

        Assert.Equal([ReasonCode.JustificationRequired], Codes(decision));
    }

    [Fact]
    public void Given_no_answers_at_all_When_decided_Then_check_unavailable_once()
    {
        var decision = ShareRulebook.Decide(Request(), null, null, null, At);

        Assert.Equal([ReasonCode.CheckUnavailable], Codes(decision));
        Assert.Equal(ShareOutcome.Denied, decision.Outcome);
    }

    [Fact]
    public void Given_check_unavailable_When_decided_Then_the_message_says_nothing_is_shared() =>
        Assert.Contains("nothing is shared", ShareRulebook.Decide(Request(), null, Dsa(), null, At).Reasons[0].Message, StringComparison.Ordinal);

    [Fact]
    public void Given_consent_answer_with_a_status_but_no_reasons_When_decided_Then_approved()
    {
        var consent = new ConsentCheckResult(ConsentId, 7, ConsentStatus.Active, [], At);

        Assert.True(ShareRulebook.Decide(Request(), consent, Dsa(), null, At).Outcome == ShareOutcome.Approved);
    }
}
