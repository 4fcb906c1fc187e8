namespace ConsentPlatform.Audit.Verifying;

/// <summary>
/// Recomputes the chain from the first entry to the last (<see cref="LedgerChain"/>), streaming
/// rows in sequence order (one row in memory at a time, never the ledger), in one repeatable-read
/// snapshot so that appends made meanwhile are neither half-seen nor reported as breaks. Used by
/// <c>GET /api/audit/verify</c> and by the offline <c>verify</c> command alike.
/// </summary>
public static class LedgerVerifier
{
    public static async Task<VerificationResult> VerifyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);

        long headSequence = 0;
        var headHash = LedgerHash.Genesis;
        await using (var head = new NpgsqlCommand("select sequence, hash from audit.ledger_head where id = 1", connection, transaction))
        await using (var reader = await head.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                headSequence = reader.GetInt64(0);
                headHash = (byte[])reader[1];
            }
        }

        var expected = 1L;
        long? firstInvalid = null;
        long entries = 0;
        var lastStoredHash = LedgerHash.Genesis;
        var canonical = new byte[4096];
        using var chain = new LedgerChain();

        await using (var rows = new NpgsqlCommand(
            """
            select sequence, event_id, event_type, source, subject_id, occurred_at, recorded_at, canonical, previous_hash, hash
            from audit.ledger order by sequence
            """,
            connection,
            transaction))
        await using (var reader = await rows.ExecuteReaderAsync(CommandBehavior.SequentialAccess, cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                entries++;
                var sequence = reader.GetInt64(0);
                if (firstInvalid is not null)
                {
                    continue; // keep counting; the chain is already broken
                }

                var eventId = reader.GetGuid(1);
                var eventType = reader.GetString(2);
                var source = reader.GetString(3);
                var subjectId = reader.IsDBNull(4) ? null : reader.GetString(4);
                var occurredAt = reader.GetFieldValue<DateTimeOffset>(5);
                var recordedAt = reader.GetFieldValue<DateTimeOffset>(6);
                var length = (int)reader.GetBytes(7, 0, null, 0, 0);
                if (canonical.Length < length) canonical = new byte[Math.Max(length, canonical.Length * 2)];
                reader.GetBytes(7, 0, canonical, 0, length);
                var previousHash = reader.GetFieldValue<byte[]>(8);
                var hash = reader.GetFieldValue<byte[]>(9);
                lastStoredHash = hash;

                if (sequence != expected)
                {
                    // A row removed (a gap) or renumbered: the first sequence that is not where it should be.
                    firstInvalid = expected;
                    continue;
                }

                if (!chain.Extend(sequence, eventId, eventType, source, subjectId, occurredAt, recordedAt, canonical.AsSpan(0, length), previousHash, hash))
                {
                    firstInvalid = sequence;
                    continue;
                }

                expected++;
            }
        }

        await transaction.CommitAsync(cancellationToken);

        var last = expected - 1;
        if (firstInvalid is null && (headSequence != last || !headHash.AsSpan().SequenceEqual(chain.Head)))
        {
            // The rows chain, but not to the head: entries were cut off the end (or the head was edited).
            firstInvalid = headSequence > last ? last + 1
                : headSequence < last ? headSequence + 1
                : Math.Max(headSequence, 1);
        }

        return new VerificationResult(firstInvalid is null, entries, LedgerHash.Hex(firstInvalid is null ? chain.Head.ToArray() : lastStoredHash), firstInvalid);
    }
}
