namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// One purpose a DSA allows sharing for: its code, the plain-English description shown to the
/// young person, the data categories it may carry, its lawful basis, and how a share for it may
/// be justified (consent, and whether a safeguarding lead may override its absence).
/// <see cref="Justifications"/> (issue 17): per data category, why that item is necessary for this
/// purpose and why less would not do; the registry requires one for special category data
/// (<c>health.*</c>) and family members' data (<c>cared-for.*</c>). Null in agreements drafted
/// before justifications existed.
/// </summary>
public sealed record DsaPurpose(
    string Code,
    string Description,
    IReadOnlyList<string> DataCategories,
    LawfulBasis LawfulBasis,
    bool RequiresConsent,
    bool AllowsSafeguardingOverride,
    IReadOnlyDictionary<string, string>? Justifications = null)
{
    /// <summary>The justification given for <paramref name="category"/>, or null.</summary>
    public string? JustificationFor(string category) =>
        Justifications is not null && Justifications.TryGetValue(category, out var why) ? why : null;
}
