namespace ConsentPlatform.Consent.Expiring;

/// <summary>
/// The expiry job: every <c>Consent:ExpirySweepInterval</c> (default one minute) it records
/// <c>ConsentEvent.Expired</c> for each live consent past its <c>expiresAt</c> and each open proposal
/// past its <c>answerBy</c>. Checks do not wait for
/// it (they compare <c>expiresAt</c> themselves); it makes the expiry part of the history and
/// publishes it. Safe to run on several instances: a concurrent change simply loses the race.
/// </summary>
public sealed partial class ExpirySweeper(IDocumentStore store, TimeProvider clock, IConfiguration configuration, ILogger<ExpirySweeper> logger)
    : PeriodicSweeper(clock, logger)
{
    public const string IntervalSetting = "Consent:ExpirySweepInterval";

    public override TimeSpan Interval { get; } = configuration.GetValue<TimeSpan?>(IntervalSetting) ?? TimeSpan.FromMinutes(1);

    protected override string Name => "expiry";

    protected override Task SweepPassAsync(CancellationToken cancellationToken) => SweepOnceAsync(cancellationToken);

    /// <summary>One pass; returns how many consents it recorded as expired.</summary>
    public async Task<int> SweepOnceAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        var expired = await store.ChangeEachAsync<ConsentState>(
            c => ((c.Status == ConsentStatus.Active || c.Status == ConsentStatus.Paused) && c.Terms.ExpiresAt != null && c.Terms.ExpiresAt <= now)
                 || (c.Status == ConsentStatus.Proposed && c.AnswerBy != null && c.AnswerBy <= now),
            c => c.Id,
            consent => ExpireConsent.Decide(new ExpireConsent(consent.Id, now), consent),
            cancellationToken);
        if (expired > 0) LogExpired(Logger, expired);
        await PauseUnconfirmedAsync(now, cancellationToken);
        return expired;
    }

    /// <summary>
    /// Issue 20: each active proxy consent whose young person, assessed competent, did not confirm it
    /// by its <c>confirmBy</c> is paused (<see cref="Confirming.PauseUnconfirmed"/>); returns how many.
    /// </summary>
    public async Task<int> PauseUnconfirmedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var paused = await store.ChangeEachAsync<ConsentState>(
            c => c.Status == ConsentStatus.Active && c.ConfirmBy != null && c.ConfirmBy <= now,
            c => c.Id,
            consent => Confirming.PauseUnconfirmed.Decide(consent, now),
            cancellationToken);
        if (paused > 0) LogPausedUnconfirmed(Logger, paused);
        return paused;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Paused {Count} proxy consents their young person did not confirm in time")]
    private static partial void LogPausedUnconfirmed(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Recorded {Count} consents as expired")]
    private static partial void LogExpired(ILogger logger, int count);
}
