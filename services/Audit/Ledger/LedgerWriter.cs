using System.Text.Json;
using Npgsql;

namespace ConsentPlatform.Audit.Ledger;

/// <summary>What an append did: a new entry, or nothing because the event id is already ledgered.</summary>
public sealed record AppendResult(long Sequence, bool Duplicate);

/// <summary>
/// Appends events to the chain, one transaction each. The head row is locked first
/// (<c>SELECT … FOR UPDATE</c>), so appends from any number of consumers and instances take turns:
/// the next sequence is the head's plus one (never a database sequence, which leaves gaps on
/// rollback), the hash chains to the head's hash, and an event id already in the ledger changes
/// nothing. Nothing is visible until the transaction commits, head and entry together.
/// </summary>
public sealed class LedgerWriter(LedgerDatabase database, TimeProvider clock)
{
    public async Task<AppendResult> AppendAsync(IncomingEvent incoming, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        long headSequence;
        byte[] headHash;
        await using (var head = new NpgsqlCommand("select sequence, hash from audit.ledger_head where id = 1 for update", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The ledger head row is missing.");
            headSequence = reader.GetInt64(0);
            headHash = (byte[])reader[1];
        }

        await using (var existing = new NpgsqlCommand("select sequence from audit.ledger where event_id = @id", connection, transaction))
        {
            existing.Parameters.AddWithValue("id", incoming.EventId);
            if (await existing.ExecuteScalarAsync(cancellationToken) is long sequenceOfDuplicate)
            {
                await transaction.RollbackAsync(cancellationToken);
                return new AppendResult(sequenceOfDuplicate, Duplicate: true);
            }
        }

        var keys = EntryKeys.Of(incoming.SubjectId, incoming.Data);
        if (EntryKeys.TryGetId(incoming.Data, "dsaId", out var dsaId) && !keys.Contains(EntryKeys.DsaContent(dsaId)))
        {
            await InheritDsaContentKeysAsync(connection, transaction, dsaId, keys, cancellationToken);
        }

        var sequence = headSequence + 1;
        var occurredAt = LedgerHash.ToStoredPrecision(incoming.OccurredAt);
        var recordedAt = LedgerHash.ToStoredPrecision(clock.GetUtcNow());
        var canonical = CanonicalEntry.Of(sequence, incoming.EventId, incoming.EventType, incoming.Source, incoming.SubjectId, occurredAt, recordedAt, incoming.Data);
        var hash = LedgerHash.Compute(headHash, canonical);

        await using (var insert = new NpgsqlCommand(
            """
            insert into audit.ledger (sequence, event_id, event_type, source, subject_id, occurred_at, recorded_at, canonical, previous_hash, hash)
            values (@sequence, @eventId, @eventType, @source, @subjectId, @occurredAt, @recordedAt, @canonical, @previousHash, @hash);
            insert into audit.ledger_key (key, sequence) select unnest(@keys), @sequence;
            update audit.ledger_head set sequence = @sequence, hash = @hash where id = 1;
            """,
            connection,
            transaction))
        {
            insert.Parameters.AddWithValue("sequence", sequence);
            insert.Parameters.AddWithValue("eventId", incoming.EventId);
            insert.Parameters.AddWithValue("eventType", incoming.EventType);
            insert.Parameters.AddWithValue("source", incoming.Source);
            insert.Parameters.AddWithValue("subjectId", (object?)incoming.SubjectId ?? DBNull.Value);
            insert.Parameters.AddWithValue("occurredAt", occurredAt);
            insert.Parameters.AddWithValue("recordedAt", recordedAt);
            insert.Parameters.AddWithValue("canonical", canonical);
            insert.Parameters.AddWithValue("previousHash", headHash);
            insert.Parameters.AddWithValue("hash", hash);
            insert.Parameters.AddWithValue("keys", keys.ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new AppendResult(sequence, Duplicate: false);
    }

    /// <summary>A DSA lifecycle event (activated, suspended…) carries no content: it is found under the parties and purposes of the DSA's last ledgered content.</summary>
    private static async Task InheritDsaContentKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid dsaId, ISet<string> keys, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            select l.canonical from audit.ledger l
            where l.sequence = (select max(k.sequence) from audit.ledger_key k where k.key = @key)
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue("key", EntryKeys.DsaContent(dsaId));
        if (await command.ExecuteScalarAsync(cancellationToken) is byte[] canonical)
        {
            using var document = CanonicalEntry.ParseData(canonical);
            if (document.RootElement.TryGetProperty("content", out var content)) EntryKeys.AddContent(keys, content);
        }
    }
}
