namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Issue 20: the young person was assessed competent (<see cref="AssessmentId"/>) for the purpose of
/// a consent a parent or guardian gave for them, so they are asked whether it still stands, by
/// <see cref="ConfirmBy"/>; unanswered by then it is paused, never silently kept. Carries every
/// term and the version reached, like every consent event.
/// </summary>
public sealed record ProxyConsentConfirmationAsked(
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
    Guid AssessmentId,
    DateTimeOffset ConfirmBy,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
