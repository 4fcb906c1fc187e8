namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// The answer to <see cref="ExplainConsentPurpose"/>. <see cref="Covered"/> is false when no
/// agreement that is active, inside its window at the moment asked and contains the purpose
/// could carry a share under the consent: then every list is empty and every term null, never
/// a guess. Otherwise: the <see cref="Organisations"/> that hold or receive under those agreements
/// (a <c>both</c> party once as holder and once as recipient; recipients narrowed by the consent's
/// list), the purpose's <see cref="DataCategories"/> (narrowed by the consent's list), the longest
/// <see cref="RetentionDays"/> of the agreements, the <see cref="Description"/> and
/// <see cref="LawfulBasis"/> of the purpose in the first of them, and every one of the
/// <see cref="Agreements"/>, first the one a share is judged under first (the latest
/// <c>effectiveFrom</c>, then the lowest id, as <see cref="DsaScope.Check"/> orders them).
/// </summary>
public sealed record PurposeExplanation(
    string Purpose,
    bool Covered,
    string? Description,
    IReadOnlyList<PurposeOrganisation> Organisations,
    IReadOnlyList<string> DataCategories,
    int? RetentionDays,
    LawfulBasis? LawfulBasis,
    IReadOnlyList<PurposeAgreement> Agreements,
    DateTimeOffset CheckedAt)
{
    public static PurposeExplanation NotCovered(string purpose, DateTimeOffset at) =>
        new(purpose, false, null, [], [], null, null, [], at);
}
