namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Reads the platform's databases straight from PostgreSQL, as an attacker with a copy of them (or
/// an auditor checking "nothing was appended") would: each service's Marten event table and the
/// audit ledger.
/// </summary>
internal sealed class Stores(PlatformProcesses platform)
{
    public string ConnectionStringOf(string service) => platform.Databases[service].ConnectionString;

    /// <summary>Events in every Marten store and entries in the ledger, in one comparable snapshot.</summary>
    public async Task<EventCounts> CountAsync()
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        long published = 0;
        foreach (var (service, schema) in PlatformProcesses.EventStores)
        {
            // Marten's tombstones (the sequence numbers of a rolled-back append) are never forwarded.
            var both = await ScalarAsync<long[]>(service, $"select array[count(*), count(*) filter (where type <> 'tombstone')] from {schema}.mt_events");
            counts[service] = both[0];
            published += both[1];
        }

        // Only entries of events a store holds: the provenance probe (LedgerProvenanceTests) is published
        // straight to the broker, so counting it would let "the ledger caught up" pass one event early.
        counts["audit"] = await ScalarAsync<long>("audit", "select count(*) from audit.ledger where event_type <> @probe",
            ("probe", LedgerProvenanceTests.ProbeTypeName));
        return new EventCounts(counts, published);
    }

    /// <summary>
    /// Waits until the ledger holds as many entries as the stores hold events (every committed event
    /// is forwarded and ledgered once), so that a later comparison is not disturbed by an earlier
    /// test's events still on their way.
    /// </summary>
    public async Task<EventCounts> WaitUntilLedgerCaughtUpAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var counts = await CountAsync();
        while (counts.Ledgered < counts.Published && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            counts = await CountAsync();
        }

        return counts.Ledgered >= counts.Published
            ? counts
            : throw new TimeoutException($"the ledger did not catch up in {timeout}: {counts}, {counts.Published} published");
    }

    public Task<T> ScalarAsync<T>(string service, string sql, params (string Name, object Value)[] parameters) =>
        RunAsync(service, sql, parameters, async command => (T)(await command.ExecuteScalarAsync())!);

    public Task<int> ExecuteAsync(string service, string sql, params (string Name, object Value)[] parameters) =>
        RunAsync(service, sql, parameters, command => command.ExecuteNonQueryAsync());

    /// <summary>Runs <paramref name="sql"/> with its parameters on a connection of its own to the service's database.</summary>
    private async Task<T> RunAsync<T>(string service, string sql, (string Name, object Value)[] parameters, Func<NpgsqlCommand, Task<T>> run)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringOf(service));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await run(command);
    }

    /// <summary>
    /// Every text-like column (text, varchar, json, jsonb) of every table of a service's database
    /// whose value contains <paramref name="needle"/>, as <c>schema.table.column</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ColumnsContainingAsync(string service, string needle)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringOf(service));
        await connection.OpenAsync();
        var columns = new List<(string Schema, string Table, string Column)>();
        var dataTypes = new Dictionary<(string, string, string), string>();
        await using (var list = new NpgsqlCommand(
            """
            select c.table_schema, c.table_name, c.column_name, c.data_type
            from information_schema.columns c
            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
            where t.table_type = 'BASE TABLE'
              and c.table_schema not in ('pg_catalog', 'information_schema')
              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
            """,
            connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var key = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
                columns.Add(key);
                dataTypes[key] = reader.GetString(3);
            }
        }

        var found = new List<string>();
        foreach (var (schema, table, column) in columns)
        {
            // Identifiers from the catalogue, quoted; the needle is a parameter.
            // bytea (the audit ledger keeps each entry as the very bytes it hashed) is searched as bytes.
            var probeSql = dataTypes[(schema, table, column)] == "bytea"
                ? $"select exists (select 1 from \"{schema}\".\"{table}\" where position(convert_to(@needle, 'UTF8') in \"{column}\") > 0)"
                : $"select exists (select 1 from \"{schema}\".\"{table}\" where strpos(\"{column}\"::text, @needle) > 0)";
            await using var probe = new NpgsqlCommand(probeSql, connection);
            probe.Parameters.AddWithValue("needle", needle);
            if ((bool)(await probe.ExecuteScalarAsync())!) found.Add($"{schema}.{table}.{column}");
        }

        return found;
    }
}

/// <summary>Events per Marten store and entries in the ledger; <see cref="Published"/>: the events that are forwarded to it.</summary>
internal sealed record EventCounts(IReadOnlyDictionary<string, long> ByStore, long Published)
{
    public long Committed => ByStore.Where(s => s.Key != "audit").Sum(s => s.Value);

    public long Ledgered => ByStore["audit"];

    public override string ToString() => string.Join(", ", ByStore.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
}
