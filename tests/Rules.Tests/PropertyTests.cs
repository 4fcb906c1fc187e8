using static ConsentPlatform.Rules.Tests.Inputs;

namespace ConsentPlatform.Rules.Tests;

/// <summary>
/// Properties over thousands of generated inputs (a fixed seed, so a failure reproduces):
/// approved exactly when no reason is present, reasons distinct and in code order, the same
/// input always gives the same decision.
/// </summary>
public sealed class PropertyTests
{
    private const int Runs = 5000;

    private static readonly string[] CategoryPool = ["caring.role", "caring.hours", "education.attendance", "health.mental", "cared-for.condition", "identity.basic"];
    private static readonly string?[] Justifications = [null, "", "   ", "short", "exactly twenty chars", LongJustification];
    private static readonly ReasonCode[] DsaReasons = [ReasonCode.NoActiveDsa, ReasonCode.RequesterNotParty, ReasonCode.HolderNotParty, ReasonCode.PurposeNotInDsa, ReasonCode.CategoryOutOfScope];
    private static readonly ReasonCode[] ConsentReasons = [ReasonCode.ConsentMissing, ReasonCode.ConsentPaused, ReasonCode.ConsentWithdrawn, ReasonCode.ConsentExpired, ReasonCode.ConsentRecipientMismatch, ReasonCode.ConsentCategoryMismatch];

    private sealed record Input(ShareRequest Request, ConsentCheckResult? Consent, DsaScopeResult? Dsa, OverrideApproval? Approval, DateTimeOffset At);

    private static IEnumerable<Input> Generate(int seed)
    {
#pragma warning disable CA5394 // Not security: a seeded generator of test inputs.
        var random = new Random(seed);
        for (var i = 0; i < Runs; i++)
        {
            var categories = CategoryPool.Where(_ => random.Next(3) == 0).ToList();
            var basis = random.Next(2) == 0 ? ShareBasis.Consent : ShareBasis.Safeguarding;
            var request = Request(basis, categories, Justifications[random.Next(Justifications.Length)], random.Next(4) == 0 ? "lead-1" : "practitioner-1");
            ConsentCheckResult? consent = random.Next(5) switch
            {
                0 => null,
                1 => NoConsent(),
                2 => Consent(Pick(random, ConsentReasons)),
                _ => Consent(),
            };
            DsaScopeResult? dsa = random.Next(5) switch
            {
                0 => null,
                1 => NotCovered(Pick(random, DsaReasons)),
                _ => Dsa(random.Next(3) > 0, random.Next(2) == 0),
            };
            var approval = random.Next(3) switch
            {
                0 => null,
                1 => ApprovalBy("lead-1"),
                _ => ApprovalBy("lead-2", random.Next(2) == 0 ? "Practitioner" : ShareRulebook.SafeguardingLeadRole),
            };
            yield return new Input(request, consent, dsa, approval, At.AddMinutes(random.Next(10_000)));
        }
#pragma warning restore CA5394
    }

    private static ReasonCode[] Pick(Random random, ReasonCode[] pool) =>
#pragma warning disable CA5394
        [.. pool.Where(_ => random.Next(2) == 0).Reverse()];
#pragma warning restore CA5394

    private static ShareDecision Decide(Input i) => ShareRulebook.Decide(i.Request, i.Consent, i.Dsa, i.Approval, i.At);

    [Fact]
    public void A_decision_is_denied_exactly_when_it_has_a_reason()
    {
        foreach (var input in Generate(seed: 6))
        {
            var decision = Decide(input);
            Assert.Equal(decision.Reasons.Count > 0, decision.Outcome == ShareOutcome.Denied);
        }
    }

    [Fact]
    public void An_approved_decision_has_no_reason_and_answered_checks()
    {
        var approvals = 0;
        foreach (var input in Generate(seed: 7).Where(i => Decide(i).Outcome == ShareOutcome.Approved))
        {
            approvals++;
            Assert.Empty(Decide(input).Reasons);
            Assert.True(input.Dsa is { Covered: true });
            Assert.NotEmpty(input.Request.DataCategories);
            if (input.Request.Basis == ShareBasis.Safeguarding)
            {
                Assert.True(ShareRulebook.IsValidApproval(input.Request, input.Approval));
                Assert.True(input.Dsa!.AllowsSafeguardingOverride);
            }
            else if (input.Dsa!.RequiresConsent)
            {
                Assert.True(input.Consent is { Reasons.Count: 0 });
            }
        }

        Assert.True(approvals > 50, $"the generator produced only {approvals} approvals");
    }

    [Fact]
    public void Reasons_are_distinct_and_in_code_order()
    {
        foreach (var input in Generate(seed: 8))
        {
            var codes = Codes(Decide(input));
            Assert.Equal(codes.Distinct().Order(), codes);
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_decision()
    {
        foreach (var input in Generate(seed: 9))
        {
            var first = Decide(input);
            var second = Decide(input with { Request = input.Request with { DataCategories = [.. input.Request.DataCategories] } });
            Assert.Equal(first.Outcome, second.Outcome);
            Assert.Equal(first.Reasons, second.Reasons);
            Assert.Equal((first.ConsentId, first.ConsentVersion, first.DsaId, first.DsaVersion, first.CheckedAt), (second.ConsentId, second.ConsentVersion, second.DsaId, second.DsaVersion, second.CheckedAt));
        }
    }

    [Fact]
    public void The_decision_is_judged_at_the_instant_given()
    {
        foreach (var input in Generate(seed: 10).Take(200))
        {
            Assert.Equal(input.At, Decide(input).CheckedAt);
        }
    }
}
