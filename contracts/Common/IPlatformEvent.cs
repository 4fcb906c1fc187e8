namespace ConsentPlatform.Contracts.Common;

/// <summary>
/// What every published event carries, so the audit service can ledger any of them alike:
/// the event's own id (consumers de-duplicate on it), when it happened, who did it, and the
/// young carer it concerns, if any. Published events never carry released data.
/// </summary>
public interface IPlatformEvent
{
    Guid EventId { get; }
    DateTimeOffset OccurredAt { get; }
    EventActor Actor { get; }
    string? SubjectId { get; }
}
