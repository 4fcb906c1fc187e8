namespace ConsentPlatform.Contracts.Consent;

/// <summary>A paused consent was resumed by the young carer. Carries every term and the new version.</summary>
public sealed record ConsentResumed(
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
