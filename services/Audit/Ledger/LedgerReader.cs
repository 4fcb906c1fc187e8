namespace ConsentPlatform.Audit.Ledger;

/// <summary>An entry's place and its event, read back as its contract.</summary>
public sealed record LedgeredEvent(long Sequence, IPlatformEvent Event);

/// <summary>Streams the events filed under index keys (<see cref="EntryKeys"/>), in sequence order.</summary>
public sealed class LedgerReader(LedgerDatabase database)
{
    /// <summary>Every known event filed under any of <paramref name="keys"/>, optionally only those of <paramref name="eventTypes"/>.</summary>
    public async IAsyncEnumerable<LedgeredEvent> ReadAsync(IReadOnlyCollection<string> keys, IReadOnlyCollection<string>? eventTypes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count == 0) yield break;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            select l.sequence, l.event_type, l.canonical from audit.ledger l
            where l.sequence in (select k.sequence from audit.ledger_key k where k.key = any(@keys))
              and (@types::text[] is null or l.event_type = any(@types))
            order by l.sequence
            """,
            connection);
        command.Parameters.AddWithValue("keys", keys.ToArray());
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)eventTypes?.ToArray() ?? DBNull.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            using var data = CanonicalEntry.ParseData(reader.GetFieldValue<byte[]>(2));
            if (LedgerEvents.Read(reader.GetString(1), data.RootElement) is { } e) yield return new LedgeredEvent(reader.GetInt64(0), e);
        }
    }

    public async Task<List<LedgeredEvent>> ListAsync(IReadOnlyCollection<string> keys, IReadOnlyCollection<string>? eventTypes, CancellationToken cancellationToken)
    {
        var list = new List<LedgeredEvent>();
        await foreach (var e in ReadAsync(keys, eventTypes, cancellationToken)) list.Add(e);
        return list;
    }
}
