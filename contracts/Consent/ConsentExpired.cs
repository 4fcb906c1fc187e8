namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// The expiry job recorded that a consent passed its <c>expiresAt</c>. Checks treat a consent as
/// expired from that instant on, whether or not this event has been recorded yet.
/// Carries every term and the new (last) version.
/// </summary>
public sealed record ConsentExpired(
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
