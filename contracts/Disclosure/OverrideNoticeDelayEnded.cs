namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>Issue 20: a notice delay reached its end; from now on the young person sees the override.</summary>
public sealed record OverrideNoticeDelayEnded(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
