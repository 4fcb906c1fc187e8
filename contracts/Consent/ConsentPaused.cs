namespace ConsentPlatform.Contracts.Consent;

/// <summary>A consent was paused: nothing is shared under it until it is resumed. Carries every term and the new version.</summary>
public sealed record ConsentPaused(
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
