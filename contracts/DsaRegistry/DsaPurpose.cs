namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// One purpose a DSA allows sharing for: its code, the plain-English description shown to the
/// young person, the data categories it may carry, its lawful basis, and how a share for it may
/// be justified (consent, and whether a safeguarding lead may override its absence).
/// </summary>
public sealed record DsaPurpose(
    string Code,
    string Description,
    IReadOnlyList<string> DataCategories,
    LawfulBasis LawfulBasis,
    bool RequiresConsent,
    bool AllowsSafeguardingOverride);
