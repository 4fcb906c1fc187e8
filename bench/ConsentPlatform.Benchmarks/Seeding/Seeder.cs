namespace ConsentPlatform.Benchmarks.Seeding;

/// <summary>How big the stores and the ledger were after a seed, and how long seeding took.</summary>
public sealed record SeedResult(long ConsentEvents, long DisclosureEvents, long LedgerEntries, long Added, double Seconds)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"consent {ConsentEvents:N0} events, disclosure {DisclosureEvents:N0} events, ledger {LedgerEntries:N0} entries ({Added:N0} rows added in {Seconds:0.0} s)");
}

/// <summary>
/// The fast bulk path for the flat-cost measurement: grows the consent store, the disclosure store
/// and the audit ledger to a target number of events with set-based SQL inside PostgreSQL
/// (<c>INSERT … SELECT … FROM generate_series</c>), cloning rows the platform itself wrote during
/// the warm-up, so that the shapes, sizes and indexes are real:
/// <list type="bullet">
/// <item>consent: one granted consent per seeded subject (<c>seed-N</c>): stream, event and the
/// inline <c>ConsentState</c> document, with its own subject id and live key;</item>
/// <item>disclosure: one approved disclosure per two events: stream, both events and the inline
/// <c>DisclosureState</c> document;</item>
/// <item>ledger: entries after the head, spread over 100,000 seeded subjects with their index keys.
/// Their hashes are not chained (verification is measured before the large seed, on the chain the
/// platform wrote); the head row moves to the last one, so new appends carry on after them.</item>
/// </list>
/// The consent and disclosure services are stopped while their stores are seeded (their broker
/// forwarding subscription is then moved past the seeded events, which are never published) and
/// started again. The DSA registry is not grown: a registry holds hundreds of agreements, not millions.
/// </summary>
public sealed class Seeder(Platform.BenchPlatform platform)
{
    public async Task<SeedResult> SeedToAsync(long target, bool ledgerToo)
    {
        var clock = Stopwatch.StartNew();
        long added = 0;
        foreach (var (service, schema) in new[] { ("consent", "consent"), ("disclosure", "disclosure") })
        {
            var connectionString = platform.Databases[service].ConnectionString;
            await WaitForForwardingAsync(connectionString, schema, TimeSpan.FromSeconds(30));
            await platform[service].StopAsync();
            added += service == "consent"
                ? await SeedConsentsAsync(connectionString, target)
                : await SeedDisclosuresAsync(connectionString, target);
            platform[service].Start();
        }

        if (ledgerToo) added += await SeedLedgerAsync(platform.Databases["audit"].ConnectionString, target);
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        return new SeedResult(
            await CountAsync(platform.Databases["consent"].ConnectionString, "select count(*) from consent.mt_events"),
            await CountAsync(platform.Databases["disclosure"].ConnectionString, "select count(*) from disclosure.mt_events"),
            await CountAsync(platform.Databases["audit"].ConnectionString, "select sequence from audit.ledger_head where id = 1"),
            added,
            Math.Round(clock.Elapsed.TotalSeconds, 1));
    }

    public static async Task<string> DescribeServerAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select version(), current_setting('fsync'), current_setting('synchronous_commit'), current_setting('shared_buffers'), current_setting('max_connections')", connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetString(0).Split(" on ")[0]}; fsync={reader.GetString(1)}, synchronous_commit={reader.GetString(2)}, shared_buffers={reader.GetString(3)}, max_connections={reader.GetString(4)} (shared with other users of the machine)";
    }

    private static async Task<long> SeedConsentsAsync(string connectionString, long target)
    {
        await using var connection = await OpenAsync(connectionString);
        var missing = target - await ScalarAsync(connection, "select count(*) from consent.mt_events");
        if (missing <= 0) return 0;
        var (sequence, parameters) = await CloningAsync(connection, "consent", missing, "select id from consent.mt_doc_consentstate where data->>'status' = 'Active' order by id limit 1");
        await using var transaction = await connection.BeginTransactionAsync();
        const string Id = "md5('seed-consent-' || (g + @offset))::uuid";
        const string Subject = "'seed-' || (g + @offset)";
        await CloneAsync(connection, "consent.mt_streams", "t.id = @template", parameters, new() { ["id"] = Id });
        await CloneAsync(connection, "consent.mt_events", "t.stream_id = @template and t.version = 1", parameters, new()
        {
            ["seq_id"] = $"nextval('{sequence}')",
            ["id"] = "gen_random_uuid()",
            ["stream_id"] = Id,
            ["data"] = $"jsonb_set(jsonb_set(t.data, '{{terms,subjectId}}', to_jsonb({Subject})), '{{consentId}}', to_jsonb({Id}::text))",
        });
        await CloneAsync(connection, "consent.mt_doc_consentstate", "t.id = @template", parameters, new()
        {
            ["id"] = Id,
            ["data"] = $"jsonb_set(jsonb_set(jsonb_set(t.data, '{{terms,subjectId}}', to_jsonb({Subject})), '{{id}}', to_jsonb({Id}::text)), '{{liveKey}}', to_jsonb({Subject} || '|' || (t.data->'terms'->>'purpose')))",
        });
        await CommitClonesAsync(connection, transaction, "consent", "consentstate");
        return missing;
    }

    private static async Task<long> SeedDisclosuresAsync(string connectionString, long target)
    {
        await using var connection = await OpenAsync(connectionString);
        var missing = target - await ScalarAsync(connection, "select count(*) from disclosure.mt_events");
        var disclosures = missing / 2;
        if (disclosures <= 0) return 0;
        var (sequence, parameters) = await CloningAsync(connection, "disclosure", disclosures, "select stream_id from disclosure.mt_events group by stream_id having count(*) = 2 order by stream_id limit 1");
        await using var transaction = await connection.BeginTransactionAsync();
        const string Id = "md5('seed-disclosure-' || (g + @offset))::uuid";
        await CloneAsync(connection, "disclosure.mt_streams", "t.id = @template", parameters, new() { ["id"] = Id });
        await CloneAsync(connection, "disclosure.mt_events", "t.stream_id = @template", parameters, new()
        {
            ["seq_id"] = $"nextval('{sequence}')",
            ["id"] = "gen_random_uuid()",
            ["stream_id"] = Id,
            ["data"] = $"jsonb_set(t.data, '{{disclosureId}}', to_jsonb({Id}::text))",
        }, "g, t.version");
        await CloneAsync(connection, "disclosure.mt_doc_disclosurestate", "t.id = @template", parameters, new()
        {
            ["id"] = Id,
            ["data"] = $"jsonb_set(t.data, '{{id}}', to_jsonb({Id}::text))",
        });
        await CommitClonesAsync(connection, transaction, "disclosure", "disclosurestate");
        return disclosures * 2;
    }

    private static async Task<long> SeedLedgerAsync(string connectionString, long target)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var transaction = await connection.BeginTransactionAsync();
        // The appender's own lock: the audit consumer waits while the seed goes in.
        var head = await ScalarAsync(connection, "select sequence from audit.ledger_head where id = 1 for update");
        var missing = target - head;
        if (missing <= 0) return 0;
        // Templates: the last requested and decided disclosure entries the platform ledgered.
        var requested = await ScalarAsync(connection, "select max(sequence) from audit.ledger where event_type like '%DisclosureRequested'");
        var decided = await ScalarAsync(connection, "select max(sequence) from audit.ledger where event_type like '%DisclosureApproved'");
        var parameters = new Dictionary<string, object> { ["n"] = missing, ["head"] = head, ["requested"] = requested, ["decided"] = decided };
        await ExecuteAsync(connection, """
            insert into audit.ledger (sequence, event_id, event_type, source, subject_id, occurred_at, recorded_at, canonical, previous_hash, hash)
            select @head + g, gen_random_uuid(), t.event_type, t.source, 'seed-' || (g % 100000), t.occurred_at, t.recorded_at, t.canonical,
                   sha256(int8send(@head + g - 1)), sha256(int8send(@head + g))
            from generate_series(1, @n) g
            join audit.ledger t on t.sequence = case when g % 2 = 1 then @requested else @decided end
            order by g
            """, parameters);
        await ExecuteAsync(connection, """
            insert into audit.ledger_key (key, sequence)
            select case when k.key like 'subject:%' then 'subject:seed-' || (g % 100000)
                        when k.key like 'disclosure:%' then 'disclosure:' || md5('seed-ledger-' || (g + 1) / 2)::uuid
                        else k.key end,
                   @head + g
            from generate_series(1, @n) g
            join audit.ledger_key k on k.sequence = case when g % 2 = 1 then @requested else @decided end
            """, parameters);
        await ExecuteAsync(connection, "update audit.ledger_head set sequence = @head + @n, hash = sha256(int8send(@head + @n)) where id = 1", parameters);
        await transaction.CommitAsync();
        await ExecuteAsync(connection, "analyze audit.ledger; analyze audit.ledger_key;");
        return missing;
    }

    /// <summary>
    /// <c>INSERT INTO table (every column) SELECT (override or t.column) FROM table t CROSS JOIN generate_series(1, @n) g WHERE …</c>:
    /// the rows matched by <paramref name="where"/>, cloned @n times with some columns rewritten.
    /// </summary>
    /// <summary>
    /// What cloning <paramref name="n"/> streams of a Marten store from a template stream needs: the
    /// store's event sequence, and the clone statements' parameters (how many, the number of streams
    /// already there, for fresh ids, and the template stream's id, found by <paramref name="templateSql"/>).
    /// </summary>
    private static async Task<(string Sequence, Dictionary<string, object> Parameters)> CloningAsync(NpgsqlConnection connection, string schema, long n, string templateSql)
    {
        var template = await ScalarAsync<Guid>(connection, templateSql);
        var sequence = await SequenceAsync(connection, schema);
        var offset = await ScalarAsync(connection, $"select count(*) from {schema}.mt_streams");
        return (sequence, new Dictionary<string, object> { ["n"] = n, ["offset"] = offset, ["template"] = template });
    }

    /// <summary>Commits the clones, marked as already forwarded, and brings the store's statistics up to date.</summary>
    private static async Task CommitClonesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema, string stateDocument)
    {
        await SkipForwardingAsync(connection, schema);
        await transaction.CommitAsync();
        await ExecuteAsync(connection, $"analyze {schema}.mt_events; analyze {schema}.mt_streams; analyze {schema}.mt_doc_{stateDocument};");
    }

    private static async Task CloneAsync(NpgsqlConnection connection, string table, string where, Dictionary<string, object> parameters, Dictionary<string, string> overrides, string? orderBy = null)
    {
        var parts = table.Split('.');
        var columns = new List<string>();
        await using (var command = new NpgsqlCommand("select column_name from information_schema.columns where table_schema = @s and table_name = @t order by ordinal_position", connection))
        {
            command.Parameters.AddWithValue("s", parts[0]);
            command.Parameters.AddWithValue("t", parts[1]);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        }

        var select = string.Join(", ", columns.Select(c => overrides.TryGetValue(c, out var expression) ? expression : "t." + Quote(c)));
        var sql = $"insert into {table} ({string.Join(", ", columns.Select(Quote))}) select {select} from {table} t cross join generate_series(1, @n) g where {where}"
                  + (orderBy is null ? "" : " order by " + orderBy);
        await ExecuteAsync(connection, sql, parameters);
    }

    /// <summary>Moves the broker forwarding subscription past every event, so the seeded ones are never published.</summary>
    private static Task SkipForwardingAsync(NpgsqlConnection connection, string schema) =>
        ExecuteAsync(connection, $"update {schema}.mt_event_progression set last_seq_id = (select max(seq_id) from {schema}.mt_events) where name like 'broker-forwarding%'");

    /// <summary>Waits until the service has published every event it committed (its forwarding checkpoint is at the last event).</summary>
    private static async Task WaitForForwardingAsync(string connectionString, string schema, TimeSpan limit)
    {
        await using var connection = await OpenAsync(connectionString);
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var behind = await ScalarAsync(connection, $"select coalesce((select max(seq_id) from {schema}.mt_events), 0) - coalesce((select max(last_seq_id) from {schema}.mt_event_progression where name like 'broker-forwarding%'), 0)");
            if (behind <= 0) return;
            await Task.Delay(500);
        }
    }

    private static string Quote(string column) => "\"" + column.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 600, Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> SequenceAsync(NpgsqlConnection connection, string schema)
    {
        await using var command = new NpgsqlCommand("select schemaname || '.' || sequencename from pg_sequences where schemaname = @s and sequencename like 'mt_events_sequence%'", connection);
        command.Parameters.AddWithValue("s", schema);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"no event sequence in schema {schema}");
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = await OpenAsync(connectionString);
        return await ScalarAsync(connection, sql);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql) =>
        await ScalarAsync<long?>(connection, sql) ?? 0;

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default! : (T)value;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, Dictionary<string, object>? parameters = null)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters ?? []) command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
