namespace ConsentPlatform.Rules.Tests;

/// <summary>Plain inputs for the rulebook: a request that passes, and answers to vary.</summary>
internal static class Inputs
{
    public static readonly DateTimeOffset At = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
    public static readonly Guid ConsentId = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid DsaId = Guid.Parse("22222222-2222-2222-2222-222222222222");
    public const string LongJustification = "Needed to plan a carers assessment with the family.";

    public static ShareRequest Request(
        ShareBasis basis = ShareBasis.Consent,
        IReadOnlyList<string>? categories = null,
        string? justification = null,
        string requestedBy = "practitioner-1") =>
        new("yc-1", "school-support", "school-1", "la-1", categories ?? ["caring.role"], basis, justification, requestedBy);

    public static ConsentCheckResult Consent(params ReasonCode[] reasons) =>
        new(ConsentId, 3, reasons.Length == 0 ? ConsentStatus.Active : ConsentStatus.Paused, reasons, At);

    public static ConsentCheckResult NoConsent() => new(null, null, null, [ReasonCode.ConsentMissing], At);

    public static DsaScopeResult Dsa(bool requiresConsent = true, bool allowsOverride = false) =>
        new(true, DsaId, 2, requiresConsent, allowsOverride, null, 30, [], [], At);

    public static DsaScopeResult NotCovered(params ReasonCode[] reasons) => DsaScopeResult.Denied(reasons, At);

    public static OverrideApproval ApprovalBy(string user = "lead-1", string role = ShareRulebook.SafeguardingLeadRole) =>
        new(user, "la-1", role, At);

    public static IReadOnlyList<ReasonCode> Codes(ShareDecision decision) => [.. decision.Reasons.Select(r => r.Code)];
}
