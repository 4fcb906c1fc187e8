namespace ConsentPlatform.Disclosure.Purging;

/// <summary>
/// Purges every released package whose retention window has ended, every
/// <c>Disclosure:PurgeInterval</c> (default 5 minutes). A read past the window purges too, so
/// the sweep's interval never lets a package be read late.
/// </summary>
public sealed partial class PurgeSweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<PurgeSweeper> logger)
    : StreamSweeper<DisclosureState>(store, clock, configuration.GetValue(IntervalSetting, TimeSpan.FromMinutes(5)), logger)
{
    public const string IntervalSetting = "Disclosure:PurgeInterval";

    protected override string Name => "purge";

    protected override IQueryable<Guid> Due(IQuerySession query, DateTimeOffset now) =>
        query.Query<DisclosureState>()
            .Where(d => d.Status == DisclosureStatus.Released && d.AvailableUntil <= now)
            .Select(d => d.Id);

    protected override async Task<bool> SweepOneAsync(IDocumentSession session, IEventStream<DisclosureState> stream, DisclosureState state, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Refused (409): a read purged it (or read it) at the same moment; the next sweep looks again.
        var (done, _) = await Purger.PurgeIfDueAsync(session, stream, DisclosureActors.PurgeJob, now, cancellationToken);
        return done;
    }

    protected override void LogSwept(int count) => LogPurged(logger, count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Purged {Count} package(s) past their retention window")]
    private static partial void LogPurged(ILogger logger, int count);
}
