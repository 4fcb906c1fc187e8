namespace ConsentPlatform.Disclosure.DelayingNotice;

/// <summary>
/// Records the end of every notice delay whose time has come (issue 20), every
/// <c>Disclosure:NoticeDelaySweepInterval</c> (default 10 seconds), so that the end is in the ledger
/// too. The young person's view does not wait for it: it compares the delay's end with the clock.
/// </summary>
public sealed partial class NoticeDelaySweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<NoticeDelaySweeper> logger)
    : StreamSweeper<DisclosureState>(store, clock, configuration.GetValue(IntervalSetting, TimeSpan.FromSeconds(10)), logger)
{
    public const string IntervalSetting = "Disclosure:NoticeDelaySweepInterval";

    protected override string Name => "notice-delay";

    protected override IQueryable<Guid> Due(IQuerySession query, DateTimeOffset now) =>
        query.Query<DisclosureState>()
            .Where(d => d.NoticeDelay != null && d.NoticeDelay.EndedAt == null && d.NoticeDelay.Until <= now)
            .Select(d => d.Id)
            .Take(200);

    protected override Task<bool> SweepOneAsync(IDocumentSession session, IEventStream<DisclosureState> stream, DisclosureState state, DateTimeOffset now, CancellationToken cancellationToken) =>
        session.AppendAndSaveAsync(stream, EndNoticeDelay.Decide(state, now).Events, cancellationToken);

    protected override void LogSwept(int count) => LogEnded(logger, count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded the end of {Count} notice delay(s)")]
    private static partial void LogEnded(ILogger logger, int count);
}
