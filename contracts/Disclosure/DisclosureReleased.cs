namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// The holder released the package after a live re-check (<see cref="Decision"/>). Names the
/// released categories only: the data itself is never in an event. The payload is purged at
/// <see cref="AvailableUntil"/>.
/// </summary>
public sealed record DisclosureReleased(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> ReleasedCategories,
    ShareDecision Decision,
    DateTimeOffset AvailableUntil,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
