namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// The requester read the released package after a live re-check (<see cref="Decision"/>).
/// Names the categories read, never the data.
/// </summary>
public sealed record PackageRead(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> ReadCategories,
    ShareDecision Decision,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
