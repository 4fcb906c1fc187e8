namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// A ledger written before the canonical bytes were stored (<c>data jsonb</c>, ADR 0004 before its
/// 2026-11-26 amendment) is migrated when the service starts: same hashes, still valid, entries
/// read back, new appends chain on; and a row edited before the migration is still found after it.
/// </summary>
public sealed class LedgerMigrationTests() : OwnLedgerDatabase("audit_migrate")
{
    private const string OldLayout = """
        create schema audit;
        create table audit.ledger (
            sequence bigint primary key, event_id uuid not null, event_type text not null, source text not null,
            subject_id text null, occurred_at timestamptz not null, recorded_at timestamptz not null,
            data jsonb not null, previous_hash bytea not null, hash bytea not null,
            constraint ledger_event_id_unique unique (event_id));
        create table audit.ledger_head (id int primary key check (id = 1), sequence bigint not null, hash bytea not null);
        create table audit.ledger_key (key text not null, sequence bigint not null, primary key (key, sequence));
        """;

    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Old rows, hashed over the canonical text as the old code wrote it (spelled out here, not
    /// computed by the code under test), their data stored as jsonb in another member order and number form.
    /// </summary>
    private async Task<byte[]> CreateOldLedgerAsync(int count)
    {
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using (var ddl = new NpgsqlCommand(OldLayout, connection))
        {
            await ddl.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var previous = new byte[32];
        for (var sequence = 1; sequence <= count; sequence++)
        {
            var eventId = Guid.Parse($"0195b5e4-0000-7000-8000-00000000000{sequence}");
            var occurredAt = T0.AddMinutes(sequence).AddTicks(1234560);
            var canonical = $$"""{"data":{"n":{{sequence}}.5,"note":"café \"{{sequence}}\"","purpose":"school-support"},"eventId":"{{eventId}}","eventType":"ConsentGranted","occurredAt":"2025-03-01T09:0{{sequence}}:00.123456Z","recordedAt":"2025-03-01T09:0{{sequence}}:01.123456Z","sequence":{{sequence}},"source":"consent","subjectId":"yc-{{sequence}}"}""";
            var hash = SHA256.HashData([.. previous, .. Encoding.UTF8.GetBytes(canonical)]);
            await using var insert = new NpgsqlCommand(
                """
                insert into audit.ledger values (@sequence, @eventId, 'ConsentGranted', 'consent', @subject, @occurredAt, @recordedAt, @data::jsonb, @previous, @hash);
                insert into audit.ledger_key values ('subject:' || @subject, @sequence);
                insert into audit.ledger_head values (1, @sequence, @hash) on conflict (id) do update set sequence = excluded.sequence, hash = excluded.hash;
                """,
                connection);
            insert.Parameters.AddWithValue("sequence", (long)sequence);
            insert.Parameters.AddWithValue("eventId", eventId);
            insert.Parameters.AddWithValue("subject", $"yc-{sequence}");
            insert.Parameters.AddWithValue("occurredAt", occurredAt);
            insert.Parameters.AddWithValue("recordedAt", occurredAt.AddSeconds(1));
            insert.Parameters.AddWithValue("data", $$"""{ "purpose": "school-support", "note": "café \"{{sequence}}\"", "n": {{sequence}}.50 }""");
            insert.Parameters.AddWithValue("previous", previous);
            insert.Parameters.AddWithValue("hash", hash);
            await insert.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            previous = hash;
        }

        return previous;
    }

    private async Task<VerificationResult> VerifyAsync()
    {
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        return await LedgerVerifier.VerifyAsync(connection, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Old_ledger_is_migrated_at_start_with_its_hashes_and_reads_back()
    {
        var head = await CreateOldLedgerAsync(3);
        var ledger = new LedgerDatabase(DataSource);

        await ledger.EnsureCreatedAsync(TestContext.Current.CancellationToken);

        var verification = await VerifyAsync();
        Assert.Equal((true, 3L, LedgerHash.Hex(head)), (verification.Valid, verification.Entries, verification.HeadHash));
        await using (var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var columns = new NpgsqlCommand(
            "select string_agg(column_name || ':' || is_nullable, ',' order by column_name) from information_schema.columns where table_schema = 'audit' and table_name = 'ledger' and column_name in ('data', 'canonical')",
            connection))
        {
            Assert.Equal("canonical:NO", await columns.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        var page = Assert.IsType<Ok<EntriesPage>>((await ListEntriesEndpoint.HandleAsync("yc-2", null, null, null, null, null, null, ledger, TestContext.Current.CancellationToken)).Result).Value!;
        var entry = Assert.Single(page.Entries);
        Assert.Equal((2L, "café \"2\"", 2.5m), (entry.Sequence, entry.Data.GetProperty("note").GetString(), entry.Data.GetProperty("n").GetDecimal()));

        // The writer chains on from the migrated head, and a second start migrates nothing.
        using var data = System.Text.Json.JsonDocument.Parse("""{"n":4}""");
        await new LedgerWriter(ledger, TimeProvider.System).AppendAsync(new IncomingEvent(Guid.NewGuid(), "ConsentGranted", "consent", "yc-4", T0, data.RootElement), TestContext.Current.CancellationToken);
        await new LedgerDatabase(DataSource).EnsureCreatedAsync(TestContext.Current.CancellationToken);
        Assert.Equal((true, 4L), ((await VerifyAsync()).Valid, (await VerifyAsync()).Entries));
    }

    [Fact]
    public async Task Row_edited_before_the_migration_is_still_found_after_it()
    {
        await CreateOldLedgerAsync(3);
        await using (var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var tamper = new NpgsqlCommand("update audit.ledger set data = jsonb_set(data, '{purpose}', '\"gp-register\"') where sequence = 2", connection))
        {
            await tamper.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await new LedgerDatabase(DataSource).EnsureCreatedAsync(TestContext.Current.CancellationToken);

        Assert.Equal((false, (long?)2), ((await VerifyAsync()).Valid, (await VerifyAsync()).FirstInvalidSequence));
    }
}
