namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Issue 20: the consent a released package was shared under was withdrawn before the package was
/// ever read, so its sealed payload and its data key were deleted at once. Reads are 410 from now on.
/// </summary>
public sealed record PackageDestroyed(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    Guid ConsentId,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
