namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Issue 20: the recipient organisation answered a <see cref="DeletionRequested"/>: its copy is
/// deleted, or retained for the <see cref="Reason"/> it gave (for example a legal obligation).
/// </summary>
public sealed record DeletionAnswered(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    DeletionOutcome Outcome,
    string? Reason,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
