using static ConsentPlatform.Rules.Tests.Inputs;

namespace ConsentPlatform.Rules.Tests;

/// <summary>Every reason code alone: one input changed from an approved share gives exactly that reason.</summary>
public sealed class ReasonTableTests
{
    public sealed record Case(string Name, ShareRequest Request, ConsentCheckResult? Consent, DsaScopeResult? Dsa, ReasonCode Expected)
    {
        public override string ToString() => Name;
    }

    private static readonly Case[] Cases =
    [
        new Case("no-active-dsa", Request(), Consent(), NotCovered(ReasonCode.NoActiveDsa), ReasonCode.NoActiveDsa),
        new Case("requester-not-party", Request(), Consent(), NotCovered(ReasonCode.RequesterNotParty), ReasonCode.RequesterNotParty),
        new Case("holder-not-party", Request(), Consent(), NotCovered(ReasonCode.HolderNotParty), ReasonCode.HolderNotParty),
        new Case("purpose-not-in-dsa", Request(), Consent(), NotCovered(ReasonCode.PurposeNotInDsa), ReasonCode.PurposeNotInDsa),
        new Case("category-out-of-scope", Request(), Consent(), NotCovered(ReasonCode.CategoryOutOfScope), ReasonCode.CategoryOutOfScope),
        new Case("empty request is out of scope", Request(categories: []), Consent(), Dsa(), ReasonCode.CategoryOutOfScope),
        new Case("consent-missing", Request(), NoConsent(), Dsa(), ReasonCode.ConsentMissing),
        new Case("consent-paused", Request(), Consent(ReasonCode.ConsentPaused), Dsa(), ReasonCode.ConsentPaused),
        new Case("consent-withdrawn", Request(), Consent(ReasonCode.ConsentWithdrawn), Dsa(), ReasonCode.ConsentWithdrawn),
        new Case("consent-expired", Request(), Consent(ReasonCode.ConsentExpired), Dsa(), ReasonCode.ConsentExpired),
        new Case("consent-recipient-mismatch", Request(), Consent(ReasonCode.ConsentRecipientMismatch), Dsa(), ReasonCode.ConsentRecipientMismatch),
        new Case("consent-category-mismatch", Request(), Consent(ReasonCode.ConsentCategoryMismatch), Dsa(), ReasonCode.ConsentCategoryMismatch),
        new Case("override-not-allowed", Request(ShareBasis.Safeguarding, justification: LongJustification), null, Dsa(allowsOverride: false), ReasonCode.OverrideNotAllowed),
        new Case("safeguarding without justification", Request(ShareBasis.Safeguarding), null, Dsa(allowsOverride: true), ReasonCode.JustificationRequired),
        new Case("safeguarding with blank justification", Request(ShareBasis.Safeguarding, justification: "   "), null, Dsa(allowsOverride: true), ReasonCode.JustificationRequired),
        new Case("cared-for without justification", Request(categories: ["caring.role", "cared-for.condition"]), Consent(), Dsa(), ReasonCode.JustificationRequired),
        new Case("cared-for with a short justification", Request(categories: ["cared-for.condition"], justification: "too short, 19 chars"), Consent(), Dsa(), ReasonCode.JustificationRequired),
        new Case("cared-for padded to 20 with spaces", Request(categories: ["cared-for.condition"], justification: "   short reason   x       "), Consent(), Dsa(), ReasonCode.JustificationRequired),
        new Case("dsa check unanswered", Request(), Consent(), null, ReasonCode.CheckUnavailable),
        new Case("consent check unanswered", Request(), null, Dsa(), ReasonCode.CheckUnavailable),
    ];

    public static TheoryData<Case> EachReasonAlone() => new(Cases);

    [Theory]
    [MemberData(nameof(EachReasonAlone))]
    public void Given_one_failing_rule_When_decided_Then_denied_with_exactly_that_reason(Case c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var decision = ShareRulebook.Decide(c.Request, c.Consent, c.Dsa, null, At);

        Assert.Equal(ShareOutcome.Denied, decision.Outcome);
        Assert.Equal([c.Expected], Codes(decision));
        Assert.Equal(ShareRulebook.Message(c.Expected), decision.Reasons[0].Message);
    }

    [Fact]
    public void Every_reason_code_is_covered_by_the_table()
    {
        var covered = Cases.Select(c => c.Expected).ToHashSet();

        Assert.Equal(Enum.GetValues<ReasonCode>().ToHashSet(), covered);
    }

    [Fact]
    public void Every_reason_code_has_its_own_message()
    {
        var messages = Enum.GetValues<ReasonCode>().Select(ShareRulebook.Message).ToList();

        Assert.Equal(messages.Count, messages.Distinct(StringComparer.Ordinal).Count());
        Assert.All(messages, m => Assert.False(string.IsNullOrWhiteSpace(m)));
    }
}
