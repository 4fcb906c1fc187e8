namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// How many times the consent was used (each approved share and each package read under it) and
/// the latest: when, which organisation, and its name. The name is the organisation's as the
/// agreements covering the purpose give it now (the events name an organisation by its id and a
/// person by a user id, never by a name): left out when those agreements no longer name it.
/// </summary>
public sealed record UsesSoFar(int Count, DateTimeOffset? LastUsedAt, string? LastUsedByOrgId, string? LastUsedByName);
