namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// One row of the ledger: an event as the audit service recorded it, at <see cref="Sequence"/>
/// (1, 2, 3, … with no gap), chained to the entry before by <see cref="PreviousHash"/>. Its data is
/// the first member of <see cref="Canonical"/>, the bytes that were hashed (<see cref="CanonicalEntry"/>).
/// </summary>
public sealed record LedgerEntry(
    long Sequence,
    Guid EventId,
    string EventType,
    string Source,
    string? SubjectId,
    DateTimeOffset OccurredAt,
    DateTimeOffset RecordedAt,
    byte[] Canonical,
    byte[] PreviousHash,
    byte[] Hash);

/// <summary>An event to be ledgered, before it has a place in the chain.</summary>
public sealed record IncomingEvent(
    Guid EventId,
    string EventType,
    string Source,
    string? SubjectId,
    DateTimeOffset OccurredAt,
    JsonElement Data);
