namespace ConsentPlatform.Audit.Querying;

/// <summary>A ledger entry as an auditor reads it; hashes in lower-case hex.</summary>
public sealed record EntryResponse(
    long Sequence,
    DateTimeOffset RecordedAt,
    DateTimeOffset OccurredAt,
    string EventType,
    string Source,
    string? SubjectId,
    JsonElement Data,
    string Hash,
    string PreviousHash);

/// <summary>One page: the entries in sequence order, and the <c>after</c> to ask for the next page (null on the last).</summary>
public sealed record EntriesPage(IReadOnlyList<EntryResponse> Entries, long? NextAfter);
