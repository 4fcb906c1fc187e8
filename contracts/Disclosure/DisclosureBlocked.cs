namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Issue 20: the consent an approved, not yet released disclosure was approved under was paused,
/// withdrawn or expired (<see cref="ConsentStatus"/>), so the disclosure can no longer be released.
/// Final: a later change of the consent never unblocks it; the requester asks again.
/// </summary>
public sealed record DisclosureBlocked(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    Guid ConsentId,
    ConsentStatus ConsentStatus,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
