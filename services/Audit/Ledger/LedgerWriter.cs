namespace ConsentPlatform.Audit.Ledger;

/// <summary>What an append did: a new entry, or nothing because the event id is already ledgered.</summary>
public sealed record AppendResult(long Sequence, bool Duplicate);

/// <summary>
/// Appends events to the chain, a batch per transaction. The head row is locked first
/// (<c>SELECT … FOR UPDATE</c>), so appends from any number of consumers and instances take turns:
/// each new entry's sequence is the one before plus one (never a database sequence, which leaves
/// gaps on rollback), its hash chains to the entry before, and an event id already in the ledger,
/// or earlier in the same batch, changes nothing. Each entry is also a leaf of the ledger's Merkle
/// tree (<see cref="LedgerTreeStore"/>), whose new hashes are written in the same transaction.
/// The transparency read model (<see cref="TransparencyProjection"/>) is folded in the same
/// transaction. Nothing is visible until the transaction commits, the head, the tree, the read
/// model and every entry of the batch together.
/// </summary>
public sealed class LedgerWriter(LedgerDatabase database, TimeProvider clock)
{
    public async Task<AppendResult> AppendAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return (await AppendBatchAsync([incoming], cancellationToken))[0];
    }

    /// <summary>
    /// Appends the events in the given order, one head lock and one commit for all of them; returns
    /// one result per event, in the same order. Several statements per batch, whatever its size: the
    /// head, the event ids already ledgered, the content of the DSAs that lifecycle events refer to,
    /// then the entries, their keys and the new head in one command.
    /// </summary>
    public async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return [];
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        var (headSequence, headHash) = await LockHeadAsync(connection, transaction, cancellationToken);
        // The Merkle tree has a leaf per entry: one written before the tree existed gets it now (normally none).
        await LedgerTreeStore.CatchUpAsync(connection, transaction, headSequence, cancellationToken);
        var ledgered = await LedgeredSequencesAsync(connection, transaction, events.Select(e => e.EventId).Distinct().ToArray(), cancellationToken);
        var dsaContent = await LastDsaContentAsync(connection, transaction, DsaIdsOfLifecycleEvents(events, ledgered), cancellationToken);

        var results = new AppendResult[events.Count];
        var entries = new List<(LedgerEntry Entry, ISet<string> Keys)>(events.Count);
        var recordedAt = LedgerHash.ToStoredPrecision(clock.GetUtcNow());
        var sequence = headSequence;
        var previousHash = headHash;
        for (var i = 0; i < events.Count; i++)
        {
            var incoming = events[i];
            if (ledgered.TryGetValue(incoming.EventId, out var sequenceOfDuplicate))
            {
                results[i] = new AppendResult(sequenceOfDuplicate, Duplicate: true);
                continue;
            }

            var keys = EntryKeys.Of(incoming.SubjectId, incoming.Data);
            if (EntryKeys.TryGetId(incoming.Data, "dsaId", out var dsaId))
            {
                // Content earlier in this batch is not in the table yet: the lifecycle event inherits it from here.
                if (keys.Contains(EntryKeys.DsaContent(dsaId))) dsaContent[dsaId] = incoming.Data.GetProperty("content");
                else if (dsaContent.TryGetValue(dsaId, out var content)) EntryKeys.AddContent(keys, content);
            }

            sequence++;
            var occurredAt = LedgerHash.ToStoredPrecision(incoming.OccurredAt);
            var canonical = CanonicalEntry.Of(sequence, incoming.EventId, incoming.EventType, incoming.Source, incoming.SubjectId, occurredAt, recordedAt, incoming.Data);
            var hash = LedgerHash.Compute(previousHash, canonical);
            entries.Add((new LedgerEntry(sequence, incoming.EventId, incoming.EventType, incoming.Source, incoming.SubjectId, occurredAt, recordedAt, canonical, previousHash, hash), keys));
            ledgered[incoming.EventId] = sequence;
            results[i] = new AppendResult(sequence, Duplicate: false);
            previousHash = hash;
        }

        if (entries.Count > 0)
        {
            await InsertAsync(connection, transaction, entries, cancellationToken);
            await LedgerTreeStore.AppendAsync(connection, transaction, headSequence, [.. entries.Select(e => e.Entry.Canonical)], cancellationToken);
            // The young carer's transparency view is a read model kept in the same transaction (ADR 0017).
            await TransparencyProjection.ApplyAsync(connection, transaction, headSequence, [.. entries.Select(e => e.Entry)], cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return results;
    }

    private static async Task<(long Sequence, byte[] Hash)> LockHeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var head = new NpgsqlCommand("select sequence, hash from audit.ledger_head where id = 1 for update", connection, transaction);
        await using var reader = await head.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The ledger head row is missing.");
        return (reader.GetInt64(0), (byte[])reader[1]);
    }

    /// <summary>The sequences of the event ids already in the ledger; read under the head lock, so no append can add one meanwhile.</summary>
    private static async Task<Dictionary<Guid, long>> LedgeredSequencesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] eventIds, CancellationToken cancellationToken)
    {
        var found = new Dictionary<Guid, long>();
        await using var command = new NpgsqlCommand("select event_id, sequence from audit.ledger where event_id = any(@ids)", connection, transaction);
        command.Parameters.AddWithValue("ids", eventIds);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[reader.GetGuid(0)] = reader.GetInt64(1);
        return found;
    }

    /// <summary>The DSAs whose lifecycle events (activated, suspended…) in this batch carry no content of their own and must inherit it.</summary>
    private static Guid[] DsaIdsOfLifecycleEvents(IReadOnlyList<IncomingEvent> events, Dictionary<Guid, long> ledgered) =>
        events.Where(e => !ledgered.ContainsKey(e.EventId))
            .Select(e => EntryKeys.TryGetId(e.Data, "dsaId", out var dsaId) && !EntryKeys.Of(e.SubjectId, e.Data).Contains(EntryKeys.DsaContent(dsaId)) ? dsaId : Guid.Empty)
            .Where(id => id != Guid.Empty)
            .Distinct()
            .ToArray();

    /// <summary>
    /// A DSA lifecycle event carries no content: it is found under the parties and purposes of the
    /// DSA's last ledgered content. One query for all the DSAs of the batch, before any of it is written.
    /// </summary>
    private static async Task<Dictionary<Guid, JsonElement>> LastDsaContentAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid[] dsaIds, CancellationToken cancellationToken)
    {
        var contents = new Dictionary<Guid, JsonElement>();
        if (dsaIds.Length == 0) return contents;
        await using var command = new NpgsqlCommand(
            """
            select dsa.id, l.canonical
            from unnest(@ids, @keys) as dsa(id, key)
            join audit.ledger l on l.sequence = (select max(k.sequence) from audit.ledger_key k where k.key = dsa.key)
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("ids", dsaIds);
        command.Parameters.AddWithValue("keys", dsaIds.Select(EntryKeys.DsaContent).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var document = CanonicalEntry.ParseData(reader.GetFieldValue<byte[]>(1));
            if (document.RootElement.TryGetProperty("content", out var content)) contents[reader.GetGuid(0)] = content.Clone();
        }

        return contents;
    }

    /// <summary>
    /// Every column of every entry as one array parameter each, unnested into rows by one insert;
    /// the keys likewise; then the head moves to the last entry. One round trip for the whole batch.
    /// </summary>
    private static async Task InsertAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<(LedgerEntry Entry, ISet<string> Keys)> entries, CancellationToken cancellationToken)
    {
        var last = entries[^1].Entry;
        await using var insert = new NpgsqlCommand(
            """
            insert into audit.ledger (sequence, event_id, event_type, source, subject_id, occurred_at, recorded_at, canonical, previous_hash, hash)
            select * from unnest(@sequences, @eventIds, @eventTypes, @sources, @subjectIds, @occurredAts, @recordedAts, @canonicals, @previousHashes, @hashes);
            insert into audit.ledger_key (key, sequence) select * from unnest(@keys, @keySequences);
            update audit.ledger_head set sequence = @headSequence, hash = @headHash where id = 1;
            """,
            connection,
            transaction);
        insert.Parameters.AddWithValue("sequences", entries.Select(e => e.Entry.Sequence).ToArray());
        insert.Parameters.AddWithValue("eventIds", entries.Select(e => e.Entry.EventId).ToArray());
        insert.Parameters.AddWithValue("eventTypes", entries.Select(e => e.Entry.EventType).ToArray());
        insert.Parameters.AddWithValue("sources", entries.Select(e => e.Entry.Source).ToArray());
        insert.Parameters.AddWithValue("subjectIds", NpgsqlDbType.Array | NpgsqlDbType.Text, entries.Select(e => e.Entry.SubjectId).ToArray());
        insert.Parameters.AddWithValue("occurredAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, entries.Select(e => e.Entry.OccurredAt).ToArray());
        insert.Parameters.AddWithValue("recordedAts", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, entries.Select(e => e.Entry.RecordedAt).ToArray());
        insert.Parameters.AddWithValue("canonicals", NpgsqlDbType.Array | NpgsqlDbType.Bytea, entries.Select(e => e.Entry.Canonical).ToArray());
        insert.Parameters.AddWithValue("previousHashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea, entries.Select(e => e.Entry.PreviousHash).ToArray());
        insert.Parameters.AddWithValue("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea, entries.Select(e => e.Entry.Hash).ToArray());
        insert.Parameters.AddWithValue("keys", entries.SelectMany(e => e.Keys).ToArray());
        insert.Parameters.AddWithValue("keySequences", entries.SelectMany(e => e.Keys.Select(_ => e.Entry.Sequence)).ToArray());
        insert.Parameters.AddWithValue("headSequence", last.Sequence);
        insert.Parameters.AddWithValue("headHash", last.Hash);
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }
}
