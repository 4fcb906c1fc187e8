namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// Several writers on one database, as several audit instances competing for the queue would be:
/// one chain, no gap, no duplicate, even for the same event id appended at once.
/// </summary>
public sealed class ConcurrentAppendTests
{
    [Fact]
    public async Task Writers_of_four_instances_appending_at_once_keep_one_gap_free_chain_and_one_entry_per_event_id()
    {
        await using var database = await IsolatedDatabase.CreateAsync(await PlatformInfrastructure.GetAsync(), "audit_concurrent");
        var sources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(database.ConnectionString)).ToList();
        try
        {
            var writers = sources.Select(s => new LedgerWriter(new LedgerDatabase(s), TimeProvider.System)).ToList();
            var ids = Enumerable.Range(0, 40).Select(_ => Guid.NewGuid()).ToList();
            using var data = JsonDocument.Parse("""{"purpose":"school-support"}""");

            // Every event is appended by every writer, all at once.
            var results = await Task.WhenAll(ids.SelectMany(id => writers.Select(w => Task.Run(() =>
                w.AppendAsync(new IncomingEvent(id, "ConsentGranted", "consent", "yc-1", DateTimeOffset.UtcNow, data.RootElement), CancellationToken.None)))));

            Assert.Equal(40, results.Count(r => !r.Duplicate));
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), results.Where(r => !r.Duplicate).Select(r => r.Sequence).Order());
            await using var connection = await sources[0].OpenConnectionAsync(TestContext.Current.CancellationToken);
            var verification = await LedgerVerifier.VerifyAsync(connection, CancellationToken.None);
            Assert.Equal((true, 40L), (verification.Valid, verification.Entries));
        }
        finally
        {
            foreach (var s in sources) await s.DisposeAsync();
        }
    }
}
