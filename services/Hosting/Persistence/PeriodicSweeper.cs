namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// A job that sweeps a service's store every <see cref="Interval"/>: a pass as the service starts,
/// then one a tick. A pass that fails is logged and the next tick tries again; only stopping the
/// service stops it. Safe on several instances when each change it makes is a stream change that a
/// concurrent one simply beats (<see cref="StreamSweeps"/>).
/// </summary>
public abstract partial class PeriodicSweeper(TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>How long from one pass to the next.</summary>
    public abstract TimeSpan Interval { get; }

    /// <summary>The sweep's name in the log (<c>The expiry sweep failed …</c>).</summary>
    protected abstract string Name { get; }

    protected TimeProvider Clock { get; } = clock;

    protected ILogger Logger { get; } = logger;

    /// <summary>One pass.</summary>
    protected abstract Task SweepPassAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Clock);
        do
        {
            try
            {
                await SweepPassAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogSweepFailed(Logger, Name, e.GetType().Name, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Sweep} sweep failed with {Error}; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string sweep, string error, Exception exception);
}
