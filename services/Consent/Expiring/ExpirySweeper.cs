using System.Linq.Expressions;

namespace ConsentPlatform.Consent.Expiring;

/// <summary>
/// The expiry job: every <c>Consent:ExpirySweepInterval</c> (default one minute) it records
/// <c>ConsentEvent.Expired</c> for each live consent past its <c>expiresAt</c> and each open proposal
/// past its <c>answerBy</c>. Checks do not wait for
/// it (they compare <c>expiresAt</c> themselves); it makes the expiry part of the history and
/// publishes it. Safe to run on several instances: a concurrent change simply loses the race.
/// </summary>
public sealed partial class ExpirySweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<ExpirySweeper> logger) : BackgroundService
{
    public const string IntervalSetting = "Consent:ExpirySweepInterval";
    private const int BatchSize = 200;

    public TimeSpan Interval { get; } = configuration.GetValue<TimeSpan?>(IntervalSetting) ?? TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await SweepOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogSweepFailed(logger, e.GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One pass; returns how many consents it recorded as expired.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var expired = await ChangeEachAsync(
            c => ((c.Status == ConsentStatus.Active || c.Status == ConsentStatus.Paused) && c.Terms.ExpiresAt != null && c.Terms.ExpiresAt <= now)
                 || (c.Status == ConsentStatus.Proposed && c.AnswerBy != null && c.AnswerBy <= now),
            consent => ExpireConsent.Decide(new ExpireConsent(consent.Id, now), consent),
            cancellationToken);
        if (expired > 0) LogExpired(logger, expired);
        await PauseUnconfirmedAsync(now, cancellationToken);
        return expired;
    }

    /// <summary>
    /// Issue 20: each active proxy consent whose young person, assessed competent, did not confirm it
    /// by its <c>confirmBy</c> is paused (<see cref="Confirming.PauseUnconfirmed"/>); returns how many.
    /// </summary>
    public async Task<int> PauseUnconfirmedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var paused = await ChangeEachAsync(
            c => c.Status == ConsentStatus.Active && c.ConfirmBy != null && c.ConfirmBy <= now,
            consent => Confirming.PauseUnconfirmed.Decide(consent, now),
            cancellationToken);
        if (paused > 0) LogPausedUnconfirmed(logger, paused);
        return paused;
    }

    /// <summary>
    /// The consents <paramref name="due"/> finds (a batch at most), each changed by the job's pure
    /// <paramref name="decide"/> in its own session; returns how many changed. One changed (or
    /// expired, confirmed, withdrawn) meanwhile by another instance or a person loses the race here,
    /// and the next pass judges it again.
    /// </summary>
    private async Task<int> ChangeEachAsync(
        Expression<Func<ConsentState, bool>> due,
        Func<ConsentState, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken)
    {
        IReadOnlyList<Guid> ids;
        await using (var query = store.QuerySession())
        {
            ids = await query.Query<ConsentState>().Where(due).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        }

        var changed = 0;
        foreach (var id in ids)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<ConsentState>(id, cancellationToken);
            if (stream.Aggregate is not { } consent) continue;
            var events = decide(consent);
            if (events.Count == 0) continue;
            stream.AppendMany(events);
            try
            {
                await session.SaveChangesAsync(cancellationToken);
                changed++;
            }
            catch (ConcurrencyException)
            {
                // Changed meanwhile: the next pass judges it again.
            }
        }

        return changed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paused {Count} proxy consents their young person did not confirm in time")]
    private static partial void LogPausedUnconfirmed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} consents as expired")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The expiry sweep failed with {Error}; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string error, Exception exception);
}
