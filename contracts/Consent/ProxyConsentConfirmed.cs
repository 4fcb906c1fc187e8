namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Issue 20: the young person, now competent, confirmed a consent a parent or guardian had given
/// for them: from this version on it is their own (<see cref="GivenBy"/> self).
/// </summary>
public sealed record ProxyConsentConfirmed(
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
