namespace ConsentPlatform.Faults.Tests;

/// <summary>
/// Compares what the services committed (the event ids in their Marten stores) with what the
/// audit ledger holds, straight from each service's own database.
/// </summary>
internal sealed class LedgerProbe(PlatformProcesses platform)
{
    public async Task<LedgerCount> CountAsync()
    {
        var committed = new HashSet<Guid>();
        foreach (var (service, schema) in PlatformProcesses.EventStores)
        {
            foreach (var id in await ReadColumnAsync<Guid>(platform.Databases[service].ConnectionString, $"select id from {schema}.mt_events"))
            {
                committed.Add(id);
            }
        }

        var ledgered = await ReadColumnAsync<Guid>(platform.Databases["audit"].ConnectionString, "select event_id from audit.ledger");
        var sequences = await ReadColumnAsync<long>(platform.Databases["audit"].ConnectionString, "select sequence from audit.ledger order by sequence");
        var distinct = ledgered.ToHashSet();
        var gaps = sequences.Select((s, i) => s != i + 1).Count(g => g);
        return new LedgerCount(
            Committed: committed.Count,
            Ledgered: ledgered.Count,
            Duplicates: ledgered.Count - distinct.Count,
            Lost: committed.Count(id => !distinct.Contains(id)),
            SequenceGaps: gaps,
            TreeMismatches: (int)(await ReadColumnAsync<long>(platform.Databases["audit"].ConnectionString, TreeMismatchesSql)).Single());
    }

    /// <summary>
    /// The Merkle tree checked in SQL alone, without the audit service's code: every entry has its
    /// leaf <c>SHA-256(0x00 ‖ canonical)</c> and no leaf lacks an entry, every stored node is
    /// <c>SHA-256(0x01 ‖ left ‖ right)</c> of two stored children, and every complete pair has its parent.
    /// </summary>
    private const string TreeMismatchesSql = """
        select
          (select count(*) from audit.ledger l left join audit.ledger_tree t on t.level = 0 and t.index = l.sequence - 1
             where t.hash is distinct from sha256('\x00'::bytea || l.canonical))
        + (select count(*) from audit.ledger_tree t where t.level = 0 and not exists (select 1 from audit.ledger l where l.sequence = t.index + 1))
        + (select count(*) from audit.ledger_tree p
             left join audit.ledger_tree a on a.level = p.level - 1 and a.index = p.index * 2
             left join audit.ledger_tree b on b.level = p.level - 1 and b.index = p.index * 2 + 1
             where p.level > 0 and p.hash is distinct from sha256('\x01'::bytea || a.hash || b.hash))
        + (select count(*) from audit.ledger_tree a join audit.ledger_tree b on b.level = a.level and b.index = a.index + 1
             where a.index % 2 = 0 and not exists (select 1 from audit.ledger_tree p where p.level = a.level + 1 and p.index = a.index / 2))
        """;

    /// <summary>Waits until every committed event is ledgered (the forwarders and the ledger catch up).</summary>
    public async Task<LedgerCount> WaitUntilCaughtUpAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var count = await CountAsync();
        while (count.Lost > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            count = await CountAsync();
        }

        return count;
    }

    /// <summary>
    /// Released disclosures with no approving decision made before the release. Compared by when
    /// each happened, not by ledger sequence: competing audit consumers may ledger a release just
    /// ahead of the approval that was published first.
    /// </summary>
    public async Task<int> ReleasesWithoutApprovalAsync()
    {
        const string sql = """
            select count(*) from audit.ledger r
            where r.event_type = 'DisclosureReleased'
              and not exists (
                select 1 from audit.ledger a
                where a.event_type in ('DisclosureApproved', 'SafeguardingOverrideApproved')
                  and convert_from(a.canonical, 'UTF8')::jsonb -> 'data' ->> 'disclosureId' = convert_from(r.canonical, 'UTF8')::jsonb -> 'data' ->> 'disclosureId'
                  and a.occurred_at <= r.occurred_at)
            """;
        return (int)(await ReadColumnAsync<long>(platform.Databases["audit"].ConnectionString, sql)).Single();
    }

    /// <summary>
    /// Unpooled: a fault test restarts PostgreSQL, and a pooled connection from before the
    /// restart would fail its next command ("terminating connection due to administrator command").
    /// </summary>
    private static NpgsqlConnection Connect(string connectionString) =>
        new(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    /// <summary>The first column of every row <paramref name="sql"/> returns.</summary>
    private static async Task<List<T>> ReadColumnAsync<T>(string connectionString, string sql)
    {
        var values = new List<T>();
        await using var connection = Connect(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}

internal sealed record LedgerCount(int Committed, int Ledgered, int Duplicates, int Lost, int SequenceGaps, int TreeMismatches);
