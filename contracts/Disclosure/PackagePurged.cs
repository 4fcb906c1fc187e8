namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// The payload of a released package was deleted because the purpose's retention window
/// (<see cref="RetentionDays"/> from approval) ended. Reads are 410 from now on.
/// </summary>
public sealed record PackagePurged(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    int RetentionDays,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
