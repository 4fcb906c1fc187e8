namespace ConsentPlatform.Contracts.Consent;

/// <summary>A consent was withdrawn, for good. Carries every term and the new (last) version.</summary>
public sealed record ConsentWithdrawn(
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
