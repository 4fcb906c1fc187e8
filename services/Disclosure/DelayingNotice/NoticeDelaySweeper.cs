namespace ConsentPlatform.Disclosure.DelayingNotice;

/// <summary>
/// Records the end of every notice delay whose time has come (issue 20), every
/// <c>Disclosure:NoticeDelaySweepInterval</c> (default 10 seconds), so that the end is in the ledger
/// too. The young person's view does not wait for it: it compares the delay's end with the clock.
/// </summary>
public sealed partial class NoticeDelaySweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<NoticeDelaySweeper> logger) : BackgroundService
{
    public const string IntervalSetting = "Disclosure:NoticeDelaySweepInterval";

    /// <summary>One pass; returns how many delays it recorded as ended.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        List<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = [.. await query.Query<DisclosureState>()
                .Where(d => d.NoticeDelay != null && d.NoticeDelay.EndedAt == null && d.NoticeDelay.Until <= now)
                .Select(d => d.Id)
                .Take(200)
                .ToListAsync(cancellationToken)];
        }

        var ended = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<DisclosureState>(id, cancellationToken);
            if (stream.Aggregate is not { } state) continue;
            var events = EndNoticeDelay.Decide(state, now).Events;
            if (events.Count == 0) continue;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                ended++;
            }
            catch (ConcurrencyException)
            {
                // Changed meanwhile: the next pass looks again.
            }
        }

        return ended;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue(IntervalSetting, TimeSpan.FromSeconds(10));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var ended = await SweepAsync(stoppingToken);
                if (ended > 0) LogEnded(logger, ended);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogFailed(logger, e.GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded the end of {Count} notice delay(s)")]
    private static partial void LogEnded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The notice-delay sweep failed with {Error}; it runs again at the next interval")]
    private static partial void LogFailed(ILogger logger, string error, Exception exception);
}
