namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// The live check of the brief's rules 1 and 2, answered by the DSA registry with a
/// <see cref="DsaScopeResult"/>: is there an active DSA, in its window at <see cref="At"/>,
/// under which <see cref="HolderOrgId"/> provides and <see cref="RequesterOrgId"/> receives
/// <see cref="DataCategories"/> for <see cref="Purpose"/>?
/// </summary>
public sealed record CheckDsaScope(
    string RequesterOrgId,
    string HolderOrgId,
    string Purpose,
    IReadOnlyList<string> DataCategories,
    DateTimeOffset At);
