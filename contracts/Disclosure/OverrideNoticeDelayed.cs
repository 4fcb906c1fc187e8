namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Issue 20: a safeguarding lead delayed, until <see cref="Until"/>, what the young person sees of a
/// safeguarding override, because telling them now could itself put them at risk; the reason is
/// for the guardian and auditors. It ends by itself (<see cref="OverrideNoticeDelayEnded"/>).
/// </summary>
public sealed record OverrideNoticeDelayed(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    DateTimeOffset Until,
    string Reason,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
