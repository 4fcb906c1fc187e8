namespace ConsentPlatform.Hosting.WarmUp;

/// <summary>
/// Runs every <see cref="IWarmUpStep"/> once the host has started (the bus is connected and the
/// health endpoints answer), each <see cref="WarmUpOptions.Rounds"/> times, and marks the
/// service warm. Bounded by <see cref="WarmUpOptions.Timeout"/>:
/// past it the service reports ready anyway and says what did not finish.
/// </summary>
public sealed partial class WarmUpService(
    IServiceScopeFactory scopes,
    WarmUpState state,
    IOptions<WarmUpOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<WarmUpService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            state.Finish("warm-up off (WarmUp:Enabled=false)", []);
            return;
        }

        // Steps use the bus and the database: wait until every hosted service (the bus among them) has started.
        if (!await StartedAsync(stoppingToken)) return;
        var clock = Stopwatch.StartNew();
        var compiledBefore = JitInfo.GetCompiledMethodCount();
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bound.CancelAfter(settings.Timeout);
        var incomplete = new List<string>();
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var step in scope.ServiceProvider.GetServices<IWarmUpStep>())
            {
                if (!await RunAsync(step, settings, bound.Token, stoppingToken)) incomplete.Add(step.Name);
                if (stoppingToken.IsCancellationRequested) return;
            }
        }

        // No wait for the JIT to go quiet: tried, it never did while the services started together
        // on two cores (background work, other processes), so it was a fixed 2 s for nothing measured.
        if (stoppingToken.IsCancellationRequested) return;
        var compiled = JitInfo.GetCompiledMethodCount() - compiledBefore;
        if (incomplete.Count == 0)
        {
            LogWarm(logger, clock.ElapsedMilliseconds, compiled);
            state.Finish($"warmed up in {clock.ElapsedMilliseconds} ms ({compiled} methods compiled)", []);
        }
        else
        {
            // Ready anyway (docs/reliability.md): a decision made cold still fails closed.
            LogIncomplete(logger, clock.ElapsedMilliseconds, string.Join(", ", incomplete));
            state.Finish($"warm-up incomplete after {clock.ElapsedMilliseconds} ms ({string.Join(", ", incomplete)} did not finish); ready anyway", incomplete);
        }
    }

    private async Task<bool> StartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        try
        {
            await started.Task.WaitAsync(stoppingToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>The step's passes; a failed pass is tried again until the step's bound. False when the bound came first.</summary>
    private async Task<bool> RunAsync(IWarmUpStep step, WarmUpOptions settings, CancellationToken bound, CancellationToken stoppingToken)
    {
        using var stepBound = CancellationTokenSource.CreateLinkedTokenSource(bound);
        if (step.AsksAnotherService) stepBound.CancelAfter(settings.DependencyTimeout);
        var failures = 0;
        for (var round = 0; round < settings.Rounds;)
        {
            state.Report($"warming up: {step.Name}, pass {round + 1} of {settings.Rounds}");
            try
            {
                await step.RunOnceAsync(stepBound.Token);
                // The dependency answered: its bound was for that; the passes have the whole warm-up's.
                if (round++ == 0 && step.AsksAnotherService) stepBound.CancelAfter(System.Threading.Timeout.InfiniteTimeSpan);
            }
            catch (Exception e) when (e is not OutOfMemoryException && !stoppingToken.IsCancellationRequested)
            {
                if (stepBound.IsCancellationRequested)
                {
                    LogStepGaveUp(logger, step.Name, round, settings.Rounds, e.GetType().Name, e.Message);
                    return false;
                }

                if (failures++ == 0) LogStepRetry(logger, step.Name, e.GetType().Name, e.Message);
                try
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(250), stepBound.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    LogStepGaveUp(logger, step.Name, round, settings.Rounds, e.GetType().Name, e.Message);
                    return false;
                }
            }
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up in {Milliseconds} ms ({Compiled} methods compiled); reporting ready")]
    private static partial void LogWarm(ILogger logger, long milliseconds, long compiled);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up incomplete after {Milliseconds} ms ({Steps} did not finish); reporting ready anyway: a decision made cold still fails closed")]
    private static partial void LogIncomplete(ILogger logger, long milliseconds, string steps);

    [LoggerMessage(Level = LogLevel.Information, Message = "Warm-up step {Step} failed a pass ({Error}: {Message}); trying again")]
    private static partial void LogStepRetry(ILogger logger, string step, string error, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up step {Step} gave up after {Done} of {Rounds} passes ({Error}: {Message})")]
    private static partial void LogStepGaveUp(ILogger logger, string step, int done, int rounds, string error, string message);
}
