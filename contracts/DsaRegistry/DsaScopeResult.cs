namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// The answer to <see cref="CheckDsaScope"/>. Covered: the DSA that covers the request
/// (<see cref="DsaId"/>, <see cref="DsaVersion"/>) and what its purpose says about consent, the
/// safeguarding override, its lawful basis and the DSA's retention; <see cref="AlsoCoveredBy"/>
/// lists any other active DSA that would have covered it (the choice is deterministic: the
/// latest <c>effectiveFrom</c>, then the lowest id). Not covered: every failing reason of rules
/// 1 and 2, in <see cref="ReasonCode"/> order, and no DSA.
/// </summary>
public sealed record DsaScopeResult(
    bool Covered,
    Guid? DsaId,
    long? DsaVersion,
    bool RequiresConsent,
    bool AllowsSafeguardingOverride,
    LawfulBasis? LawfulBasis,
    int? RetentionDays,
    IReadOnlyList<ReasonCode> Reasons,
    IReadOnlyList<Guid> AlsoCoveredBy,
    DateTimeOffset CheckedAt)
{
    public static DsaScopeResult Denied(IReadOnlyList<ReasonCode> reasons, DateTimeOffset at) =>
        new(false, null, null, false, false, null, null, reasons, [], at);
}
