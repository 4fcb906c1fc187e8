namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// A consent was given. Like every consent event it carries all the terms and the version they
/// reached, so a ledger can rebuild the consent as it stood at any moment from this event alone.
/// <see cref="Proxy"/> (issue 20): who gave it when a parent or guardian did.
/// </summary>
public sealed record ConsentGranted(
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
    DateTimeOffset OccurredAt,
    ConsentProxy? Proxy = null) : IPlatformEvent;
