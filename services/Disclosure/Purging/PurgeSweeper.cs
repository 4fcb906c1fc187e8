namespace ConsentPlatform.Disclosure.Purging;

/// <summary>
/// Purges every released package whose retention window has ended, every
/// <c>Disclosure:PurgeInterval</c> (default 5 minutes). A read past the window purges too, so
/// the sweep's interval never lets a package be read late.
/// </summary>
public sealed partial class PurgeSweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<PurgeSweeper> logger) : BackgroundService
{
    public const string IntervalSetting = "Disclosure:PurgeInterval";

    /// <summary>One sweep; returns how many packages were purged.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = [.. await query.Query<DisclosureState>()
                .Where(d => d.Status == DisclosureStatus.Released && d.AvailableUntil <= now)
                .Select(d => d.Id)
                .ToListAsync(cancellationToken)];
        }

        var purged = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<DisclosureState>(id, cancellationToken);
            if (stream.Aggregate is null) continue;
            // Refused (409): a read purged it (or read it) at the same moment; the next sweep looks again.
            var (done, _) = await Purger.PurgeIfDueAsync(session, stream, DisclosureActors.PurgeJob, now, cancellationToken);
            if (done) purged++;
        }

        return purged;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(5));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var purged = await SweepAsync(stoppingToken);
                if (purged > 0) LogPurged(logger, purged);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogSweepFailed(logger, e.GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} package(s) past their retention window")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The purge sweep failed ({Error}); retrying at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string error);
}
