namespace ConsentPlatform.Audit.Transparency;

/// <summary>
/// The read model of the young carer's transparency view (<see cref="DisclosureTransparency"/>, one
/// row per young carer and disclosure in <c>audit.transparency_disclosure</c>), kept exact by
/// writing it in the ledger's own transactions, under the ledger's head lock, in ledger order:
/// <list type="bullet">
/// <item><see cref="ApplyAsync"/>: every append folds its new entries in before it commits, when
/// the read model is caught up with the ledger (<c>audit.transparency_head</c> = the head before
/// the append); the head and the read model then move together.</item>
/// <item><see cref="CatchUpAsync"/>: a read model behind the ledger (an existing ledger the first
/// time this version starts, or rows written past the appender) is folded forward in chunks, each
/// under the head lock, until it reaches the head.</item>
/// <item><see cref="ForSubjectAsync"/>: the rows of one young carer, read in the same snapshot as
/// both heads; while the read model is behind, the same fold over the ledger's entries instead
/// (<see cref="RebuildAsync"/>), so the answer is always the rebuild's.</item>
/// </list>
/// Why a table of its own written inline and not a Marten projection: docs/adr/0017.
/// </summary>
public sealed class TransparencyProjection(LedgerDatabase database, LedgerReader ledger)
{
    /// <summary>Entries folded per transaction while catching up: the head lock is held for one chunk at a time.</summary>
    public const int CatchUpChunk = 2000;

    public const string Ddl = """
        create table if not exists audit.transparency_disclosure (
            subject_id     text   not null,
            disclosure_id  uuid   not null,
            first_sequence bigint not null,
            state          jsonb  not null,
            primary key (subject_id, disclosure_id)
        );
        create table if not exists audit.transparency_head (
            id       int    primary key check (id = 1),
            sequence bigint not null
        );
        insert into audit.transparency_head (id, sequence) values (1, 0) on conflict (id) do nothing;
        """;

    private static readonly HashSet<string> Types = [.. DisclosureTransparency.EventTypes];

    /// <summary>
    /// Folds the entries an append is about to commit (after <paramref name="headBefore"/>, in order)
    /// into the read model, in the append's transaction. The caller holds the ledger's head lock.
    /// Nothing is folded when the read model is behind the ledger: <see cref="CatchUpAsync"/> takes them in order.
    /// </summary>
    public static async Task ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long headBefore, IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0) return;
        await using (var advance = new NpgsqlCommand("update audit.transparency_head set sequence = @to where id = 1 and sequence = @from", connection, transaction))
        {
            advance.Parameters.AddWithValue("from", headBefore);
            advance.Parameters.AddWithValue("to", entries[^1].Sequence);
            if (await advance.ExecuteNonQueryAsync(cancellationToken) == 0) return;
        }

        var events = new List<LedgeredEvent>();
        foreach (var entry in entries)
        {
            if (Read(entry.Sequence, entry.EventType, entry.Canonical) is { } e) events.Add(e);
        }

        await FoldAsync(connection, transaction, events, cancellationToken);
    }

    /// <summary>
    /// Brings the read model up to the ledger's head, one chunk per transaction under the head
    /// lock (appends wait for a chunk, never see half of one). Returns the entries read.
    /// </summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        long read = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            long head, projected;
            await using (var heads = new NpgsqlCommand(
                "select h.sequence, t.sequence from audit.ledger_head h, audit.transparency_head t where h.id = 1 and t.id = 1 for update of h",
                connection,
                transaction))
            await using (var reader = await heads.ExecuteReaderAsync(cancellationToken))
            {
                if (!await reader.ReadAsync(cancellationToken)) throw new InvalidOperationException("The ledger head row is missing.");
                (head, projected) = (reader.GetInt64(0), reader.GetInt64(1));
            }

            if (projected >= head)
            {
                await transaction.CommitAsync(cancellationToken);
                return read;
            }

            var to = Math.Min(head, projected + CatchUpChunk);
            var events = new List<LedgeredEvent>();
            await using (var page = new NpgsqlCommand(
                "select sequence, event_type, canonical from audit.ledger where sequence > @from and sequence <= @to and event_type = any(@types) order by sequence",
                connection,
                transaction))
            {
                page.Parameters.AddWithValue("from", projected);
                page.Parameters.AddWithValue("to", to);
                page.Parameters.AddWithValue("types", Types.ToArray());
                await using var reader = await page.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    if (Read(reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<byte[]>(2)) is { } e) events.Add(e);
                }
            }

            await FoldAsync(connection, transaction, events, cancellationToken);
            await using (var advance = new NpgsqlCommand("update audit.transparency_head set sequence = @to where id = 1", connection, transaction))
            {
                advance.Parameters.AddWithValue("to", to);
                await advance.ExecuteNonQueryAsync(cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            read += to - projected;
        }
    }

    /// <summary>
    /// Every request about <paramref name="subjectId"/>, in the order of each one's first ledger
    /// entry: from the read model when it is caught up with the ledger (both read in one
    /// snapshot), else rebuilt from the ledger.
    /// </summary>
    public async Task<IReadOnlyList<DisclosureTransparency>> ForSubjectAsync(string subjectId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(subjectId);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var current = new NpgsqlCommand(
            "select h.sequence = t.sequence from audit.ledger_head h, audit.transparency_head t where h.id = 1 and t.id = 1",
            connection,
            transaction))
        {
            if (await current.ExecuteScalarAsync(cancellationToken) is not true)
            {
                await transaction.CommitAsync(cancellationToken);
                return await RebuildAsync(subjectId, cancellationToken);
            }
        }

        await using var rows = new NpgsqlCommand("select state::text from audit.transparency_disclosure where subject_id = @subject order by first_sequence", connection, transaction);
        rows.Parameters.AddWithValue("subject", subjectId);
        var states = await StatesAsync(rows, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return states;
    }

    /// <summary>The full rebuild: the same fold over every ledgered event of the view about <paramref name="subjectId"/>.</summary>
    public async Task<IReadOnlyList<DisclosureTransparency>> RebuildAsync(string subjectId, CancellationToken cancellationToken)
    {
        var events = await ledger.ListAsync([EntryKeys.Subject(subjectId)], DisclosureTransparency.EventTypes.ToList(), cancellationToken);
        var states = new Dictionary<(string, Guid), DisclosureTransparency>();
        foreach (var e in events)
        {
            if (DisclosureTransparency.KeyOf(e.Event) is not { } key || !string.Equals(key.SubjectId, subjectId, StringComparison.Ordinal)) continue;
            states[key] = DisclosureTransparency.Evolve(states.GetValueOrDefault(key), e.Sequence, e.Event);
        }

        return [.. states.Values.OrderBy(s => s.FirstSequence)];
    }

    /// <summary>
    /// The entry as an event of the view, or null. An entry whose data does not read as its contract
    /// (never one the consumer wrote: it writes a known contract's data from the contract itself) is
    /// left out rather than failing the append: the ledger comes first, the view after it.
    /// </summary>
    private static LedgeredEvent? Read(long sequence, string eventType, byte[] canonical)
    {
        if (!Types.Contains(eventType)) return null;
        using var data = CanonicalEntry.ParseData(canonical);
        try
        {
            return LedgerEvents.Read(eventType, data.RootElement) is { } e && DisclosureTransparency.KeyOf(e) is not null ? new LedgeredEvent(sequence, e) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Loads the rows the events touch, folds the events in order, writes the rows back: two statements.</summary>
    private static async Task FoldAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<LedgeredEvent> events, CancellationToken cancellationToken)
    {
        if (events.Count == 0) return;
        var keys = events.Select(e => DisclosureTransparency.KeyOf(e.Event)!.Value).Distinct().ToList();
        Dictionary<(string SubjectId, Guid DisclosureId), DisclosureTransparency> states;
        await using (var load = new NpgsqlCommand(
            """
            select t.state::text from audit.transparency_disclosure t
            join unnest(@subjects, @ids) as k(subject_id, disclosure_id) on t.subject_id = k.subject_id and t.disclosure_id = k.disclosure_id
            """,
            connection,
            transaction))
        {
            load.Parameters.AddWithValue("subjects", keys.Select(k => k.SubjectId).ToArray());
            load.Parameters.AddWithValue("ids", keys.Select(k => k.DisclosureId).ToArray());
            states = (await StatesAsync(load, cancellationToken)).ToDictionary(t => (t.SubjectId, t.DisclosureId));
        }

        foreach (var e in events)
        {
            var key = DisclosureTransparency.KeyOf(e.Event)!.Value;
            var state = states.GetValueOrDefault(key);
            // Folding is idempotent: an entry the row already holds (a catch-up over rows written before) changes nothing.
            if (state is not null && e.Sequence <= state.LedgerSequences[^1]) continue;
            states[key] = DisclosureTransparency.Evolve(state, e.Sequence, e.Event);
        }

        var changed = keys.Select(k => states[k]).ToList();
        await using var save = new NpgsqlCommand(
            """
            insert into audit.transparency_disclosure (subject_id, disclosure_id, first_sequence, state)
            select * from unnest(@subjects, @ids, @firsts, @states)
            on conflict (subject_id, disclosure_id) do update set state = excluded.state
            """,
            connection,
            transaction);
        save.Parameters.AddWithValue("subjects", changed.Select(s => s.SubjectId).ToArray());
        save.Parameters.AddWithValue("ids", changed.Select(s => s.DisclosureId).ToArray());
        save.Parameters.AddWithValue("firsts", changed.Select(s => s.FirstSequence).ToArray());
        save.Parameters.AddWithValue("states", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, changed.Select(s => JsonSerializer.Serialize(s, AuditJson.Data)).ToArray());
        await save.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The states a command selects, one <c>state::text</c> column a row.</summary>
    private static async Task<List<DisclosureTransparency>> StatesAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var states = new List<DisclosureTransparency>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) states.Add(Deserialize(reader.GetString(0)));
        return states;
    }

    private static DisclosureTransparency Deserialize(string json) =>
        JsonSerializer.Deserialize<DisclosureTransparency>(json, AuditJson.Data) ?? throw new InvalidOperationException("A transparency row holds no state.");
}
