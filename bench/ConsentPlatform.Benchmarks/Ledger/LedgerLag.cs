namespace ConsentPlatform.Benchmarks.Ledger;

/// <summary>How far behind the ledger was: per event, its ledger entry's <c>recorded_at</c> minus its commit time in its own store.</summary>
public sealed record LagFigures(long Events, long Ledgered, double P50Ms, double P99Ms, double MaxMs);

/// <summary>
/// The ledger's lag (issue 23): for every event the publishers committed in a time window, the time
/// from its commit (<c>mt_events.timestamp</c> in the consent, DSA registry and disclosure stores) to
/// its ledger entry (<c>audit.ledger.recorded_at</c>). Both clocks are the same PostgreSQL server's.
/// </summary>
public static class LedgerLag
{
    private static readonly string[] Schemas = ["consent", "dsa_registry", "disclosure"];

    public static async Task<LagFigures> MeasureAsync(IReadOnlyDictionary<string, string> storeConnections, string auditConnection, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(storeConnections);
        var committed = new Dictionary<Guid, DateTimeOffset>();
        foreach (var (service, schema) in new[] { ("consent", Schemas[0]), ("dsa-registry", Schemas[1]), ("disclosure", Schemas[2]) })
        {
            await using var connection = new NpgsqlConnection(storeConnections[service]);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"select id, timestamp from {schema}.mt_events where timestamp between @from and @to", connection);
            command.Parameters.AddWithValue("from", from);
            command.Parameters.AddWithValue("to", to);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) committed[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
        }

        var lags = new List<double>(committed.Count);
        await using (var connection = new NpgsqlConnection(auditConnection))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select event_id, recorded_at from audit.ledger where recorded_at >= @from", connection);
            command.Parameters.AddWithValue("from", from);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (committed.TryGetValue(reader.GetGuid(0), out var at)) lags.Add(Math.Max(0, (reader.GetFieldValue<DateTimeOffset>(1) - at).TotalMilliseconds));
            }
        }

        lags.Sort();
        double At(double p) => lags.Count == 0 ? double.NaN : lags[Math.Min(lags.Count - 1, (int)Math.Ceiling(p / 100 * lags.Count) - 1)];
        return new LagFigures(committed.Count, lags.Count, At(50), At(99), lags.Count == 0 ? double.NaN : lags[^1]);
    }
}
