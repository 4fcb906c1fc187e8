namespace ConsentPlatform.Audit.Transparency;

/// <summary>
/// Keeps the transparency read model caught up when appends alone cannot: at start (an existing
/// ledger gets its read model, folded from its first entry) and then every few seconds (entries
/// written past the appender, such as a restored backup or the benchmark's bulk seed). Normally
/// there is nothing to do: one small query. Until it has caught up, the view is rebuilt from the
/// ledger per request, so no answer is ever stale.
/// </summary>
public sealed partial class TransparencyCatchUp(TransparencyProjection projection, ILogger<TransparencyCatchUp> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var read = await projection.CatchUpAsync(stoppingToken);
                if (read > 0) LogCaughtUp(logger, read);
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException or TimeoutException or System.Text.Json.JsonException)
            {
                // Never the end of the service: the view is rebuilt per request until a later pass catches up.
                LogDeferred(logger, e.GetType().Name, e.Message);
            }

            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The transparency read model caught up over {Entries} ledger entries (ADR 0017)")]
    private static partial void LogCaughtUp(ILogger logger, long entries);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The transparency read model could not catch up ({Error}: {Message}); the view is rebuilt from the ledger until it does")]
    private static partial void LogDeferred(ILogger logger, string error, string message);
}
