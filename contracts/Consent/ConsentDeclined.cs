namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// The young person said no to a proposal: <see cref="ConsentStatus.Declined"/>, final, never a
/// consent. Carries the terms that were proposed, the reason if they gave one, and the new version.
/// </summary>
public sealed record ConsentDeclined(
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
    string? Reason,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
