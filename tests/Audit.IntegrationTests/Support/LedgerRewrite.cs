namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>The rewrite attack of issue 19, by someone with the database's superuser.</summary>
public static class LedgerRewrite
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>
    /// The attack of issue 19 as a superuser: triggers off, one entry's bytes changed, every chain
    /// hash from it on and the head recomputed, the Merkle tree rebuilt from the edited bytes (and,
    /// with <paramref name="dropCheckpoints"/>, the kept checkpoints deleted). Nothing is signed.
    /// </summary>
    public static async Task RewriteEntryAsync(NpgsqlDataSource superuser, long sequence, bool dropCheckpoints)
    {
        await using var connection = await superuser.OpenConnectionAsync(Ct);
        await using var transaction = await connection.BeginTransactionAsync(Ct);
        await using (var off = new NpgsqlCommand("set local session_replication_role = replica", connection, transaction))
        {
            await off.ExecuteNonQueryAsync(Ct);
        }

        var rows = new List<(long Sequence, byte[] Canonical, byte[] PreviousHash)>();
        await using (var read = new NpgsqlCommand("select sequence, canonical, previous_hash from audit.ledger order by sequence", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) rows.Add((reader.GetInt64(0), reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<byte[]>(2)));
        }

        var previous = rows.First(r => r.Sequence == sequence).PreviousHash;
        foreach (var row in rows.Where(r => r.Sequence >= sequence))
        {
            var canonical = row.Sequence == sequence
                ? System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(row.Canonical).Replace("school-support", "gp-registerxx", StringComparison.Ordinal))
                : row.Canonical;
            var hash = LedgerHash.Compute(previous, canonical);
            await using var update = new NpgsqlCommand("update audit.ledger set canonical = @canonical, previous_hash = @previous, hash = @hash where sequence = @sequence", connection, transaction);
            update.Parameters.AddWithValue("canonical", canonical);
            update.Parameters.AddWithValue("previous", previous);
            update.Parameters.AddWithValue("hash", hash);
            update.Parameters.AddWithValue("sequence", row.Sequence);
            await update.ExecuteNonQueryAsync(Ct);
            previous = hash;
        }

        await using (var head = new NpgsqlCommand("update audit.ledger_head set hash = @hash where id = 1; delete from audit.ledger_tree", connection, transaction))
        {
            head.Parameters.AddWithValue("hash", previous);
            await head.ExecuteNonQueryAsync(Ct);
        }

        if (dropCheckpoints)
        {
            // The checkpoints signed before would betray the rewrite to the service itself: gone too.
            await using var drop = new NpgsqlCommand("delete from audit.checkpoint_cosignature; delete from audit.checkpoint", connection, transaction);
            await drop.ExecuteNonQueryAsync(Ct);
        }

        await LedgerTreeStore.CatchUpAsync(connection, transaction, rows[^1].Sequence, Ct);
        await transaction.CommitAsync(Ct);
    }
}
