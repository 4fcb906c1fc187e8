namespace ConsentPlatform.Faults.Tests;

/// <summary>Fault 4: every event is delivered a second time; the ledger does not change.</summary>
public sealed class DuplicateDeliveryTests(FaultPlatform platform)
{
    [Fact]
    public async Task Every_event_published_again_leaves_the_ledger_unchanged()
    {
        await using var load = await ShareLoad.StartAsync(platform, concurrency: 2, maxDuration: TimeSpan.FromSeconds(10), pause: TimeSpan.FromMilliseconds(50), warmUp: TimeSpan.FromSeconds(3));
        await load.StopAsync();

        var probe = new LedgerProbe(platform);
        var before = await probe.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(60));
        var events = await ReadLedgeredEventsAsync();
        var ignoredBefore = IgnoredDuplicates();

        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(platform.Broker.Host, platform.Broker.Port, platform.Broker.VirtualHost, h =>
        {
            h.Username(platform.Broker.Username);
            h.Password(platform.Broker.Password);
        }));
        await bus.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // The test publisher: each event again, as its own contract with its own id.
            foreach (var e in events)
            {
                await bus.Publish(e, e.GetType(), ctx => ctx.MessageId = e.EventId, TestContext.Current.CancellationToken);
            }

            // The audit service says so for each copy it ignores: wait until it has said it for all.
            await WaitForIgnoredDuplicatesAsync(ignoredBefore + events.Count);
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }

        var after = await probe.CountAsync();
        FaultFigures.Record("4. every event delivered twice", events.Count, 0, 0, after, await probe.ReleasesWithoutApprovalAsync());

        Assert.True(events.Count > 20, $"events re-sent: {events.Count}");
        Assert.Equal(before.Ledgered, after.Ledgered);
        Assert.Equal((0, 0, 0, 0), (after.Lost, after.Duplicates, after.SequenceGaps, after.TreeMismatches));
    }

    private async Task<List<IPlatformEvent>> ReadLedgeredEventsAsync()
    {
        var contracts = typeof(IPlatformEvent).Assembly.GetTypes()
            .Where(t => typeof(IPlatformEvent).IsAssignableFrom(t) && t is { IsInterface: false, IsAbstract: false })
            .ToDictionary(t => t.Name, StringComparer.Ordinal);
        var events = new List<IPlatformEvent>();
        await using var connection = new NpgsqlConnection(platform.Databases["audit"].ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select event_type, (convert_from(canonical, 'UTF8')::jsonb -> 'data')::text from audit.ledger order by sequence", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var type = contracts[reader.GetString(0)];
            events.Add((IPlatformEvent)JsonSerializer.Deserialize(reader.GetString(1), type, PlatformJson.Options)!);
        }

        return events;
    }

    /// <summary>How many copies the audit service has logged as ignored (it logs each one).</summary>
    private int IgnoredDuplicates()
    {
        using var stream = new FileStream(platform["audit"].LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Contains("Ignored duplicate", StringComparison.Ordinal)) count++;
        }

        return count;
    }

    private async Task WaitForIgnoredDuplicatesAsync(int expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (IgnoredDuplicates() < expected)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the audit service ignored {IgnoredDuplicates()} copies, expected {expected}");
            await Task.Delay(250);
        }
    }
}
