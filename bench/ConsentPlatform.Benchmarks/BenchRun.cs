namespace ConsentPlatform.Benchmarks;

/// <summary>
/// The whole benchmark in one run: the rulebook (BenchmarkDotNet) in process; then the platform
/// started here as separate processes and the phases of <see cref="PlatformPhases"/> run against
/// it in order, each an <see cref="BenchPhase"/> that measures and then adds its section to the
/// report; then the report written and the platform stopped, also on failure.
/// </summary>
public sealed class BenchRun
{
    private readonly BenchOptions options;
    private readonly Report report = new();
    private readonly PlatformRun run;

    private BenchRun(BenchOptions options)
    {
        this.options = options;
        run = new PlatformRun(options);
    }

    public static async Task<int> RunAsync(BenchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ThreadPool.SetMinThreads(128, 128);
        return await new BenchRun(options).RunAsync();
    }

    private async Task<int> RunAsync()
    {
        var root = RepositoryRoot.Find();
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        MachineInfo.Describe(report, root);
        report.Settings["started"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        if (options.Label.Length > 0) report.Settings["label"] = options.Label;
        report.Settings["build"] = "Release; services DOTNET_gcServer=0 (as infra/up); load generator in this process on the same 2 cores";
        report.Settings["closed loop"] = $"concurrency {string.Join(", ", options.Concurrency)}; {options.Warmup.TotalSeconds:0} s warm-up + {options.Duration.TotalSeconds:0} s measured each";
        report.Settings["open loop"] = $"{string.Join(", ", options.Rates)} req/s for {options.OpenDuration.TotalSeconds:0} s each; latency from the scheduled start (no coordinated omission)";
        report.Settings["flat cost"] = $"{options.SmallEvents:N0} vs {options.LargeEvents:N0} events per store and in the ledger; decisions closed-loop c={options.FlatConcurrency} for {options.FlatDuration.TotalSeconds:0} s; {options.PageCalls} entries pages each";
        if (options.Skip.Count > 0) report.Settings["skipped phases"] = string.Join(", ", options.Skip);
        report.Settings["BENCH_SETTINGS"] = string.IsNullOrWhiteSpace(options.ExtraSettings) ? "(none: services as shipped)" : options.ExtraSettings;

        if (options.Rulebook)
        {
            var rulebook = new RulebookPhase();
            run.Phase(rulebook.Name);
            await RunPhasesAsync([rulebook]);
        }

        var exitCode = 0;
        if (options.Platform)
        {
            var platform = new BenchPlatform(options.ExtraSettings);
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                // Ctrl+C: stop the processes this run started, then let the runtime end.
                Console.Error.WriteLine("[bench] interrupted: stopping the platform");
                platform.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            };
            try
            {
                run.Phase("starting the platform (4 services + gateway, fresh vhost and databases)");
                await platform.InitializeAsync();
                Console.WriteLine($"  process logs: {Path.GetDirectoryName(platform.Gateway.LogFile)}");
                run.Attach(platform);
                await RunPhasesAsync(PlatformPhases());
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or Npgsql.NpgsqlException)
            {
                Console.Error.WriteLine("[bench] failed: " + e);
                report.Notes.Add("The run failed: " + e.GetType().Name + ": " + e.Message);
                exitCode = 1;
            }
            finally
            {
                run.Phase("stopping the platform");
                run.DisposeHttpClient();
                await platform.DisposeAsync();
            }
        }

        report.Machine["load average at end"] = MachineInfo.LoadAverage();
        report.Settings["wall time"] = $"{run.Elapsed.TotalSeconds:0} s";
        var folder = options.Output ?? Path.Combine(root, "bench", "results");
        var (json, markdown) = report.Write(folder, stamp + (options.Label.Length > 0 ? "-" + options.Label : ""));
        Console.WriteLine();
        Console.WriteLine("## Goals");
        foreach (var goal in report.Goals)
        {
            Console.WriteLine($"  [{(goal.Met switch { true => "met", false => "MISSED", null => "n/a" }),6}] {goal.Measurement}: {goal.Measured} (goal {goal.Target})");
        }

        Console.WriteLine($"[bench] wrote {json} and {markdown} in {run.Elapsed.TotalSeconds:0} s");
        return exitCode;
    }

    /// <summary>
    /// The phases against the running platform, in order. The story and the warm-up always run
    /// (every later phase needs them); <c>--cold-only</c> stops after the cold start.
    /// </summary>
    private IReadOnlyList<BenchPhase> PlatformPhases()
    {
        var story = new StoryPhase();
        var cold = new ColdStartPhase();
        if (options.ColdOnly) return [story, cold];
        var warmUp = new WarmUpPhase();
        var flatSmall = new FlatCostSmallPhase();
        var decisions = new DecisionLoadPhase();
        return
        [
            story,
            cold,
            warmUp,
            flatSmall,
            new MessagingTaxPhase(),
            decisions,
            new GatewayCostPhase(decisions),
            new LedgerPhase(decisions),
            new FlatCostLargePhase(flatSmall),
            new MemoryPhase(story, warmUp, decisions),
        ];
    }

    private async Task RunPhasesAsync(IEnumerable<BenchPhase> phases)
    {
        foreach (var phase in phases)
        {
            if (phase.SkipKey is { } key && !options.Runs(key)) continue;
            await phase.RunAsync(run);
            phase.Report(report);
        }
    }
}
