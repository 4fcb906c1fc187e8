namespace ConsentPlatform.Benchmarks.Ledger;

/// <summary>Verification speed several ways over the same ledger, in entries per second; the last row is raw chained SHA-256.</summary>
public sealed record VerifyRow(string Name, long Entries, double Seconds, double EntriesPerSecond, double OfRawSha256);

/// <summary>A ledger row as the verifier reads it.</summary>
internal sealed record ChainRow(long Sequence, Guid EventId, string EventType, string Source, string? SubjectId, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt, byte[] Canonical, byte[] PreviousHash, byte[] Hash);

/// <summary>
/// The audit ledger seen from outside: its head (how many entries are appended), the depth of the
/// <c>audit-ledger</c> queue (what still waits), and verification speed against raw chained SHA-256.
/// </summary>
public sealed class LedgerBench(string auditDatabase, Uri management, string virtualHost)
{
    public async Task<long> HeadAsync()
    {
        await using var connection = new NpgsqlConnection(auditDatabase);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select coalesce((select sequence from audit.ledger_head where id = 1), 0)", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Messages ready or unacknowledged on <c>audit-ledger</c> (management API; refreshed every few seconds by RabbitMQ).</summary>
    public async Task<long> QueueDepthAsync()
    {
        using var client = ManagementClient();
        var response = await client.GetAsync(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}/audit-ledger", UriKind.Relative));
        if (!response.IsSuccessStatusCode) return -1;
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("messages", out var messages) && messages.ValueKind == JsonValueKind.Number ? messages.GetInt64() : -1;
    }

    /// <summary>Drops what waits on <c>audit-ledger</c> (bench only: the ledger then lacks those events, which no measurement after it needs).</summary>
    public async Task PurgeQueueAsync()
    {
        using var client = ManagementClient();
        await client.DeleteAsync(new Uri($"api/queues/{Uri.EscapeDataString(virtualHost)}/audit-ledger/contents", UriKind.Relative));
    }

    public async Task<IReadOnlyList<VerifyRow>> VerifyAsync(Uri gateway, string auditorToken)
    {
        // 1. The endpoint through the gateway, as an auditor calls it.
        using var http = new HttpClient { BaseAddress = gateway, Timeout = TimeSpan.FromMinutes(5) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auditorToken);
        var started = Stopwatch.GetTimestamp();
        var answer = await http.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        var httpSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var httpEntries = answer.GetProperty("entries").GetInt64();
        if (!answer.GetProperty("valid").GetBoolean()) throw new InvalidOperationException("the ledger did not verify: " + answer);

        // 2. The same verifier in this process (no HTTP, no gateway).
        await using var connection = new NpgsqlConnection(auditDatabase);
        await connection.OpenAsync();
        started = Stopwatch.GetTimestamp();
        var result = await LedgerVerifier.VerifyAsync(connection, CancellationToken.None);
        var inProcessSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        // 3. Raw chained SHA-256 over the very bytes the verifier hashes, prepared beforehand.
        var canonical = new List<byte[]>((int)result.Entries);
        await using (var rows = new NpgsqlCommand("select canonical from audit.ledger where sequence <= @last order by sequence", connection))
        {
            // The entries the verifier saw: appends may have gone on since.
            rows.Parameters.AddWithValue("last", result.Entries);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync()) canonical.Add(reader.GetFieldValue<byte[]>(0));
        }

        var rawSeconds = double.MaxValue;
        var bytes = canonical.Sum(c => (long)c.Length);
        for (var round = 0; round < 3; round++)
        {
            started = Stopwatch.GetTimestamp();
            var head = RawChain(canonical);
            rawSeconds = Math.Min(rawSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
            if (round == 0 && LedgerHash.Hex(head) != result.HeadHash) throw new InvalidOperationException("raw chain and verifier disagree on the head hash");
        }

        // 4. The verifier's own work (the chain rule on every row) over the same rows held in
        // memory: what it costs besides reading the database.
        var held = new List<ChainRow>(canonical.Count);
        await using (var read = new NpgsqlCommand(
            "select sequence, event_id, event_type, source, subject_id, occurred_at, recorded_at, canonical, previous_hash, hash from audit.ledger where sequence <= @last order by sequence", connection))
        {
            read.Parameters.AddWithValue("last", result.Entries);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                held.Add(new ChainRow(
                    reader.GetInt64(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3), reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetFieldValue<DateTimeOffset>(5), reader.GetFieldValue<DateTimeOffset>(6), reader.GetFieldValue<byte[]>(7), reader.GetFieldValue<byte[]>(8), reader.GetFieldValue<byte[]>(9)));
            }
        }

        var coreSeconds = double.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            started = Stopwatch.GetTimestamp();
            using var chain = new LedgerChain();
            foreach (var row in held)
            {
                if (!chain.Extend(row.Sequence, row.EventId, row.EventType, row.Source, row.SubjectId, row.OccurredAt, row.RecordedAt, row.Canonical, row.PreviousHash, row.Hash))
                {
                    throw new InvalidOperationException($"the chain rule refused sequence {row.Sequence} of a ledger the verifier found valid");
                }
            }

            coreSeconds = Math.Min(coreSeconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        // 5. The floor set by the database: stream the same bytes out of PostgreSQL and chain them,
        // with no check at all. No verifier that reads the ledger can be faster than this.
        started = Stopwatch.GetTimestamp();
        long streamed = 0;
        await using (var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead))
        await using (var rows = new NpgsqlCommand("select canonical from audit.ledger where sequence <= @last order by sequence", connection, transaction))
        {
            rows.Parameters.AddWithValue("last", result.Entries);
            await using var reader = await rows.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess);
            using var chain = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var previous = new byte[32];
            while (await reader.ReadAsync())
            {
                var entry = reader.GetFieldValue<byte[]>(0);
                chain.AppendData(previous);
                chain.AppendData(entry);
                chain.GetHashAndReset(previous);
                streamed++;
            }
        }

        var streamSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var rawRate = canonical.Count / rawSeconds;
        VerifyRow Row(string name, long entries, double seconds) =>
            new(name, entries, Math.Round(seconds, 4), Math.Round(entries / seconds), Math.Round(entries / seconds / rawRate, 4));
        return
        [
            Row("GET /api/audit/verify via gateway", httpEntries, httpSeconds),
            Row("LedgerVerifier in process (stream rows, check columns, hash)", result.Entries, inProcessSeconds),
            Row("the verifier's chain rule over the same rows in memory (no database)", held.Count, coreSeconds),
            Row("floor: stream the same bytes from PostgreSQL and chain them, no checks", streamed, streamSeconds),
            Row($"raw chained SHA-256 over the same bytes ({bytes / Math.Max(1, canonical.Count)} B/entry avg)", canonical.Count, rawSeconds),
        ];
    }

    public static byte[] RawChain(IReadOnlyList<byte[]> canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        var previous = new byte[32];
        var buffer = new byte[64 * 1024];
        foreach (var entry in canonical)
        {
            var length = 32 + entry.Length;
            if (buffer.Length < length) buffer = new byte[length * 2];
            previous.CopyTo(buffer, 0);
            entry.CopyTo(buffer, 32);
            SHA256.HashData(buffer.AsSpan(0, length), previous);
        }

        return previous;
    }

    private HttpClient ManagementClient()
    {
        var client = new HttpClient { BaseAddress = new Uri(management.GetLeftPart(UriPartial.Authority) + "/") };
        var credentials = Uri.UnescapeDataString(management.UserInfo);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        return client;
    }
}
