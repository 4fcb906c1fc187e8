namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// A batch is appended as its events would be one by one: each event id once, consecutive
/// sequences in the batch's order, one chain, and a DSA lifecycle event found under the parties
/// and purposes of the DSA content before it, even when that content is in the same batch.
/// Each test has a database of its own.
/// </summary>
public sealed class BatchAppendTests() : OwnLedgerDatabase("audit_batch")
{
    private LedgerWriter Writer => new(new LedgerDatabase(DataSource), TimeProvider.System);

    [Fact]
    public async Task A_batch_repeating_a_ledgered_id_and_one_of_its_own_appends_each_event_once()
    {
        var s = new Samples();
        var earlier = Incoming(s.Granted(Guid.NewGuid(), s.T0));
        var first = Incoming(s.Granted(Guid.NewGuid(), s.T0.AddMinutes(1)));
        var second = Incoming(s.Granted(Guid.NewGuid(), s.T0.AddMinutes(2)));
        await Writer.AppendAsync(earlier, CancellationToken.None);

        var results = await Writer.AppendBatchAsync([first, earlier, second, first], CancellationToken.None);

        Assert.Equal([new(2, false), new(1, true), new(3, false), new(2, true)], results);
        Assert.Equal([earlier.EventId, first.EventId, second.EventId], await ColumnAsync<Guid>("select event_id from audit.ledger order by sequence"));
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var verification = await LedgerVerifier.VerifyAsync(connection, TestContext.Current.CancellationToken);
        Assert.Equal((true, 3L), (verification.Valid, verification.Entries));
    }

    [Fact]
    public async Task A_batch_of_duplicates_only_changes_nothing()
    {
        var s = new Samples();
        var granted = Incoming(s.Granted(Guid.NewGuid(), s.T0));
        await Writer.AppendAsync(granted, CancellationToken.None);

        var results = await Writer.AppendBatchAsync([granted, granted], CancellationToken.None);

        Assert.Equal([new(1, true), new(1, true)], results);
        Assert.Equal([1L], await ColumnAsync<long>("select sequence from audit.ledger_head"));
    }

    /// <summary>The officer's own org is on every DSA event: the school, a party only, tells inheritance apart.</summary>
    [Fact]
    public async Task Lifecycle_events_inherit_the_keys_of_the_DSA_content_before_them_in_the_same_batch()
    {
        var s = new Samples();
        var dsaId = Guid.NewGuid();
        var amendedContent = s.Content() with { Parties = [new DsaParty($"{s.School}-new", "Another school", DsaPartyRole.Both)] };
        var drafted = Incoming(s.Drafted(dsaId, s.T0));
        var activated = Incoming(s.Activated(dsaId, 2, s.T0.AddMinutes(1)));
        var amended = Incoming(new DsaAmended(Guid.NewGuid(), dsaId, 3, amendedContent, s.Officer, s.T0.AddMinutes(2)));
        var suspended = Incoming(s.Suspended(dsaId, 4, s.T0.AddMinutes(3)));

        await Writer.AppendBatchAsync([drafted, activated, amended, suspended], CancellationToken.None);

        Assert.Equal([1L, 2L], await SequencesUnderAsync(EntryKeys.Org(s.School)));
        Assert.Equal([1L, 2L, 3L, 4L], await SequencesUnderAsync(EntryKeys.Purpose(s.Purpose)));
        Assert.Equal([3L, 4L], await SequencesUnderAsync(EntryKeys.Org($"{s.School}-new")));
    }

    [Fact]
    public async Task A_lifecycle_event_inherits_the_keys_of_DSA_content_ledgered_by_an_earlier_batch()
    {
        var s = new Samples();
        var dsaId = Guid.NewGuid();
        var unrelated = Guid.NewGuid();
        await Writer.AppendBatchAsync([Incoming(s.Drafted(dsaId, s.T0))], CancellationToken.None);

        await Writer.AppendBatchAsync([Incoming(s.Activated(dsaId, 2, s.T0.AddMinutes(1))), Incoming(s.Activated(unrelated, 2, s.T0.AddMinutes(1)))], CancellationToken.None);

        Assert.Equal([1L, 2L], await SequencesUnderAsync(EntryKeys.Org(s.School)));
        Assert.Equal([3L], await SequencesUnderAsync(EntryKeys.Dsa(unrelated)));
    }

    /// <summary>The event as the consumer hands it to the writer: the contract's data as the ledger writes it.</summary>
    private static IncomingEvent Incoming(IPlatformEvent e) =>
        new(e.EventId, e.GetType().Name, PublishedEvent.SourceOf(e.GetType().Namespace!), e.SubjectId, e.OccurredAt, JsonSerializer.SerializeToElement(e, e.GetType(), AuditJson.Data));

    private Task<List<long>> SequencesUnderAsync(string key) =>
        ColumnAsync<long>("select sequence from audit.ledger_key where key = @key order by sequence", key);

    private async Task<List<T>> ColumnAsync<T>(string sql, string? key = null)
    {
        var values = new List<T>();
        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        if (key is not null) command.Parameters.AddWithValue("key", key);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
