namespace ConsentPlatform.Audit.Querying;

/// <summary>
/// <c>GET /api/audit/entries?subjectId=&amp;orgId=&amp;purpose=&amp;from=&amp;to=&amp;after=&amp;limit=</c> (Auditor):
/// entries in sequence order, keyset-paged (<c>after</c> = the last sequence seen; <c>limit</c>
/// 1–1000, default 100). <c>orgId</c> matches any organisation an entry involves, <c>purpose</c>
/// any purpose it names; <c>from</c> (inclusive) and <c>to</c> (exclusive) bound <c>occurredAt</c>.
/// A filtered page is read from the (key, sequence) index in order, so its cost does not grow with the ledger.
/// </summary>
public static class ListEntriesEndpoint
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapListEntries(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/entries", HandleAsync, "ListLedgerEntries", policy: PlatformRoles.Auditor);

    public static async Task<Outcome<Ok<EntriesPage>, Refused.Invalid>> HandleAsync(
        string? subjectId,
        string? orgId,
        string? purpose,
        DateTimeOffset? from,
        DateTimeOffset? to,
        long? after,
        int? limit,
        LedgerDatabase database,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        var errors = new FieldErrors()
            .Matches("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens.")
            .Matches("orgId", orgId, Vocabulary.OrgId(), "1 to 64 letters, digits or hyphens.")
            .Matches("purpose", purpose, Vocabulary.Purpose(), "1 to 64 lower-case letters, digits or hyphens.")
            .That(from is null || to is null || from <= to, "to", "Must not be before 'from'.")
            .That(after is null or >= 0, "after", "Must be a sequence, 0 or more.")
            .That(limit is null or (>= 1 and <= MaxLimit), "limit", $"Must be between 1 and {MaxLimit}.");
        if (errors.Refusal is { } invalid) return invalid;

        var keys = new List<string>();
        if (subjectId is not null) keys.Add(EntryKeys.Subject(subjectId));
        if (orgId is not null) keys.Add(EntryKeys.Org(orgId));
        if (purpose is not null) keys.Add(EntryKeys.Purpose(purpose));
        var pageSize = limit ?? DefaultLimit;

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand { Connection = connection };
        var sql = new StringBuilder("select l.sequence, l.recorded_at, l.occurred_at, l.event_type, l.source, l.subject_id, l.canonical, l.hash, l.previous_hash ");
        if (keys.Count == 0)
        {
            sql.Append("from audit.ledger l where l.sequence > @after ");
        }
        else
        {
            // Driven by the first key's index range, in sequence order; the others are probes.
            sql.Append("from audit.ledger_key k0 join audit.ledger l on l.sequence = k0.sequence where k0.key = @k0 and k0.sequence > @after ");
            command.Parameters.AddWithValue("k0", keys[0]);
            for (var i = 1; i < keys.Count; i++)
            {
                sql.Append(System.Globalization.CultureInfo.InvariantCulture, $"and exists (select 1 from audit.ledger_key k{i} where k{i}.key = @k{i} and k{i}.sequence = l.sequence) ");
                command.Parameters.AddWithValue($"k{i}", keys[i]);
            }
        }

        if (from is not null)
        {
            sql.Append("and l.occurred_at >= @from ");
            command.Parameters.AddWithValue("from", from.Value.ToUniversalTime());
        }

        if (to is not null)
        {
            sql.Append("and l.occurred_at < @to ");
            command.Parameters.AddWithValue("to", to.Value.ToUniversalTime());
        }

        sql.Append("order by l.sequence limit @limit");
        command.Parameters.AddWithValue("after", after ?? 0L);
        command.Parameters.AddWithValue("limit", pageSize + 1);
        command.CommandText = sql.ToString();

        var entries = new List<EntryResponse>(pageSize);
        var more = false;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                if (entries.Count == pageSize)
                {
                    more = true;
                    break;
                }

                entries.Add(Read(reader));
            }
        }

        return TypedResults.Ok(new EntriesPage(entries, more ? entries[^1].Sequence : null));
    }

    private static EntryResponse Read(NpgsqlDataReader reader)
    {
        using var data = CanonicalEntry.ParseData(reader.GetFieldValue<byte[]>(6));
        return new EntryResponse(
            reader.GetInt64(0),
            reader.GetFieldValue<DateTimeOffset>(1),
            reader.GetFieldValue<DateTimeOffset>(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.IsDBNull(5) ? null : reader.GetString(5),
            data.RootElement.Clone(),
            LedgerHash.Hex((byte[])reader[7]),
            LedgerHash.Hex((byte[])reader[8]));
    }
}
