namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// The young person said yes to a proposal, on these terms (the proposal's, or narrower): from now
/// on it is a consent like a granted one, <see cref="ConsentStatus.Active"/>, granted at
/// <paramref name="GrantedAt"/> (the moment of acceptance). Carries every term and the new version.
/// </summary>
public sealed record ConsentAccepted(
    Guid EventId,
    Guid ConsentId,
    long Version,
    string SubjectId,
    string Purpose,
    IReadOnlyList<string> RecipientOrgIds,
    IReadOnlyList<string> DataCategories,
    GivenBy GivenBy,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt,
    ConsentStatus Status,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
