namespace ConsentPlatform.Consent.Domain;

/// <summary>
/// What the young person agreed to: the subject, the purpose, and the optional limits on who may
/// receive (empty = any recipient the DSA allows) and on what (empty = any category of the purpose).
/// <see cref="Proxy"/> (issue 20): who gave it, when <see cref="GivenBy"/> is a parent or guardian.
/// </summary>
public sealed record ConsentTerms(
    string SubjectId,
    string Purpose,
    IReadOnlyList<string> RecipientOrgIds,
    IReadOnlyList<string> DataCategories,
    GivenBy GivenBy,
    DateTimeOffset? ExpiresAt,
    ConsentProxy? Proxy = null);
