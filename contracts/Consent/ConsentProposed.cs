namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// A practitioner asked the young person to agree to these terms. It is a question, not a consent:
/// no check passes on it. <paramref name="GrantedAt"/> is the moment it was proposed (nothing has
/// been granted yet); <paramref name="AnswerBy"/> is when it lapses, unanswered, as expired. Carries
/// every proposed term, the status reached (<see cref="ConsentStatus.Proposed"/>) and the version.
/// </summary>
public sealed record ConsentProposed(
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
    DateTimeOffset AnswerBy,
    string? Note,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
