namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// What do the agreements that cover a consent's <see cref="Purpose"/> at <see cref="At"/> say
/// about it: who holds and who receives the data, which categories, how long it is kept, on
/// which lawful basis? Answered by the DSA registry with a <see cref="PurposeExplanation"/>,
/// judged by the pure <see cref="DsaScope.Explain"/>. The consent service asks it to explain a
/// consent to the young person (issue 16). <see cref="RecipientOrgIds"/> and
/// <see cref="DataCategories"/> are the consent's own lists: when not empty they narrow the
/// answer to what could be shared under that consent; empty means "any the agreement allows".
/// </summary>
public sealed record ExplainConsentPurpose(
    string Purpose,
    IReadOnlyList<string> RecipientOrgIds,
    IReadOnlyList<string> DataCategories,
    DateTimeOffset At);
