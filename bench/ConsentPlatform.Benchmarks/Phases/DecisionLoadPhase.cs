using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 1–2. Share decisions end to end: after a JIT warm-up that is not measured, closed loop at each
/// concurrency through the gateway and then directly to the disclosure service (unless
/// <c>--skip direct</c>), then open loop at each rate. The closed and open loops are one phase
/// because they share one load window: the ledger's head before and after it (5), the lag of the
/// events committed within it, and the RSS peaks sampled through it (7).
/// </summary>
public sealed class DecisionLoadPhase() : BenchPhase("decisions, closed and open loop", null)
{
    private readonly List<(string Target, Dictionary<string, double> Used, long Decisions, double Seconds)> cpu = [];
    private readonly List<(LoadResult Step, Dictionary<string, double> Used, double Seconds)> cpuPerStep = [];
    private int[] concurrency = [];

    public List<LoadResult> Results { get; } = [];
    public long HeadBefore { get; private set; }
    public long HeadAfterLoad { get; private set; }
    public long Backlog { get; private set; }
    public double LoadSeconds { get; private set; }
    public DateTimeOffset LoadStarted { get; private set; }
    public DateTimeOffset LoadEnded { get; private set; }
    public Dictionary<string, double> UnderLoad { get; private set; } = [];

    /// <summary>When each step ran (warm-up included), so the ledger's lag can be told per step.</summary>
    public List<(LoadResult Step, DateTimeOffset From, DateTimeOffset To)> StepWindows { get; } = [];

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var (options, platform) = (run.Options, run.Platform);
        concurrency = options.Concurrency;
        // First load that is not measured, until the runtime has finished compiling the hot paths
        // (the flat-cost phase restarted two services).
        run.Phase($"JIT warm-up: closed loop, gateway, concurrency 32, {options.JitWarmup.TotalSeconds:0} s (not measured)");
        await run.JitWarmUpAsync();
        await run.WaitForLedgerAsync(options.DrainLimit);
        HeadBefore = await run.Ledger.HeadAsync();
        LoadStarted = DateTimeOffset.UtcNow;
        var loadClock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var peaks = Rss.PeakAsync(platform, sampling.Token);
        var targets = new[] { ("gateway", platform.Gateway.BaseAddress), ("direct", platform["disclosure"].BaseAddress) }
            .Where(t => t.Item1 == "gateway" || options.Runs("direct"))
            .ToArray();
        foreach (var (target, address) in targets) await ClosedLoopAsync(run, target, address);
        foreach (var rate in options.Rates)
        {
            foreach (var (target, address) in targets)
            {
                if (target == "direct" && rate != options.Rates[0]) continue;
                run.Phase($"open loop, {target}, {rate}/s");
                await StepAsync(run, TimeSpan.Zero, options.OpenDuration,
                    () => LoadGenerator.OpenLoopAsync($"open {rate}/s", target, rate, options.OpenDuration, 4000, run.Decide(address)));
            }
        }

        sampling.Cancel();
        UnderLoad = await peaks;
        LoadSeconds = loadClock.Elapsed.TotalSeconds;
        LoadEnded = DateTimeOffset.UtcNow;
        HeadAfterLoad = await run.Ledger.HeadAsync();
        Backlog = await run.Ledger.QueueDepthAsync();
    }

    /// <summary>Every closed-loop step at one target, with the CPU each process used over all of them.</summary>
    private async Task ClosedLoopAsync(PlatformRun run, string target, Uri address)
    {
        var before = CpuUsage.Snapshot(run.Platform);
        var clock = Stopwatch.StartNew();
        var count = Results.Count;
        foreach (var clients in run.Options.Concurrency)
        {
            run.Phase($"closed loop, {target}, concurrency {clients}");
            await StepAsync(run, run.Options.Warmup, run.Options.Duration,
                () => LoadGenerator.ClosedLoopAsync($"closed c={clients}", target, clients, run.Options.Warmup, run.Options.Duration, run.Decide(address)));
        }

        var after = CpuUsage.Snapshot(run.Platform);
        var decisions = Results.Skip(count).Sum(r => r.Completed - r.Errors - r.Shed);
        cpu.Add((target, after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key)), decisions, clock.Elapsed.TotalSeconds));
    }

    /// <summary>
    /// One load step, recorded with when it ran (for the ledger's lag per step) and the CPU each process
    /// used over its measured part only, which starts after <paramref name="warmup"/>.
    /// </summary>
    private async Task StepAsync(PlatformRun run, TimeSpan warmup, TimeSpan measured, Func<Task<LoadResult>> load)
    {
        var window = CpuUsage.WindowAsync(run.Platform, warmup, measured);
        var from = DateTimeOffset.UtcNow;
        var result = await load();
        PlatformRun.Print(result);
        Results.Add(result);
        StepWindows.Add((result, from, DateTimeOffset.UtcNow));
        cpuPerStep.Add((result, await window, measured.TotalSeconds));
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Add(new Table(
            "1–2. Share decisions end to end (POST /api/disclosures, two live checks over RabbitMQ, append, publish, ledger)",
            ["phase", "target", "approved /s", "p50 ms", "p95 ms", "p99 ms", "max ms", "approved p99 ms", "completed", "errors", "shed (503)", "dropped"],
            [.. Results.Select(r => (IReadOnlyList<string>)[r.Name, r.Target, Num(r.ThroughputPerSecond, 1), Num(r.P50Ms, 1), Num(r.P95Ms, 1), Num(r.P99Ms, 1), Num(r.MaxMs, 1), Num(r.ApprovedP99Ms, 1), Num(r.Completed), Num(r.Errors), Num(r.Shed), Num(r.Dropped)])],
            Results,
            "Closed loop: N clients, each sends its next request when the last one answered. Open loop: requests start on schedule; latency counts from the scheduled start. " +
            "Shed: turned away at once by the gateway's admission limit (503, nothing decided); errors: any other answer than an approval. " +
            "Every request is a consent-basis share that the rulebook approves. First error seen, if any: " +
            (Results.Select(r => r.FirstError).FirstOrDefault(e => e is not null) ?? "none") + "."));

        var parts = cpu.SelectMany(c => c.Used.Keys).Distinct().ToList();
        report.Add(new Table(
            "Where the CPU went during the closed-loop steps (2 cores = 2 CPU-s per second)",
            ["process", .. cpu.SelectMany(c => new[] { $"{c.Target}: CPU s", $"{c.Target}: CPU ms per approved decision" })],
            [.. parts.Select(p => (IReadOnlyList<string>)[p, .. cpu.SelectMany(c => new[] { Num(c.Used.GetValueOrDefault(p), 1), Num(c.Used.GetValueOrDefault(p) * 1000 / Math.Max(1, c.Decisions), 2) })]),
             ["total (of " + string.Join(" / ", cpu.Select(c => Num(c.Seconds * Environment.ProcessorCount, 0))) + " CPU-s available)", .. cpu.SelectMany(c => new[] { Num(c.Used.Values.Sum(), 1), Num(c.Used.Values.Sum() * 1000 / Math.Max(1, c.Decisions), 2) })]],
            cpu.Select(c => new { target = c.Target, decisions = c.Decisions, seconds = c.Seconds, cpuSeconds = c.Used }).ToList(),
            "From /proc/<pid>/stat (user + system) before and after all closed-loop steps of each target, warm-ups included. Whatever is missing from the total was used by other work on the machine."));

        // Per step, over its measured window only: the table above averages all the steps, and c=1 or c=8
        // coalesce little, so only this one says what a decision costs at the platform's maximum.
        var stepParts = cpuPerStep.SelectMany(c => c.Used.Keys).Distinct().ToList();
        report.Add(new Table(
            "CPU per approved decision in each step (its measured window only, warm-up excluded)",
            ["step", "target", "approved /s", "CPU-s per s used (of " + Environment.ProcessorCount + ")", "CPU ms per approved decision", .. stepParts],
            [.. cpuPerStep.Select(c => (IReadOnlyList<string>)[
                c.Step.Name, c.Step.Target, Num(c.Step.ThroughputPerSecond, 1), Num(c.Used.Values.Sum() / c.Seconds, 2),
                Num(CpuMsPerDecision(c.Used.Values.Sum(), c.Step, c.Seconds), 2),
                .. stepParts.Select(p => Num(CpuMsPerDecision(c.Used.GetValueOrDefault(p), c.Step, c.Seconds), 2))])],
            cpuPerStep.Select(c => new { step = c.Step.Name, target = c.Step.Target, approvedPerSecond = c.Step.ThroughputPerSecond, seconds = c.Seconds, cpuSeconds = c.Used }).ToList(),
            "CPU seconds of each process between two /proc snapshots taken when the step's measured window opens and closes, divided by the approvals in that window. " +
            "Columns after the total: each process's CPU ms per approved decision. A total CPU-s per s near the core count means the step was CPU-bound."));

        var bestGateway = BestClosedLoop("gateway")!;
        if (cpuPerStep.FirstOrDefault(c => c.Step == bestGateway) is { Step: not null } best)
        {
            var perDecision = CpuMsPerDecision(best.Used.Values.Sum(), best.Step, best.Seconds);
            report.Goals.Add(new Goal("1. CPU per approved decision at the best closed-loop step, all processes", "≤ 2 ms", $"{Num(perDecision, 2)} ms at c={bestGateway.Concurrency} ({Num(best.Used.Values.Sum() / best.Seconds, 2)} of {Environment.ProcessorCount} CPU-s per s)", perDecision <= 2));
        }

        report.Goals.Add(new Goal("1. decisions/s sustained (closed loop, best, via gateway)", "≥ 1,000/s", $"{Num(bestGateway.ThroughputPerSecond)}/s at c={bestGateway.Concurrency} (p99 {Num(bestGateway.P99Ms, 1)} ms, {bestGateway.Errors} errors, {bestGateway.Shed} shed)", bestGateway.ThroughputPerSecond >= 1000 && bestGateway.Errors == 0 && bestGateway.Shed == 0));
        var open500 = Results.FirstOrDefault(r => r.Mode == "open" && r.Target == "gateway" && r.OfferedPerSecond == 500);
        if (open500 is not null)
        {
            report.Goals.Add(new Goal("1. p99 at 500/s open loop via gateway", "≤ 50 ms", $"{Num(open500.P99Ms, 1)} ms (approved {Num(open500.ThroughputPerSecond)}/s with p99 {Num(open500.ApprovedP99Ms, 1)} ms, {open500.Errors} errors, {open500.Shed} shed, {open500.Dropped} dropped)", open500.P99Ms <= 50 && open500.Errors == 0 && open500.Shed == 0 && open500.Dropped == 0));
        }
    }

    private static double CpuMsPerDecision(double cpuSeconds, LoadResult step, double seconds) =>
        cpuSeconds * 1000 / Math.Max(1, step.ThroughputPerSecond * seconds);

    /// <summary>The closed-loop step with the most approvals per second at a target; null when that target did not run.</summary>
    public LoadResult? BestClosedLoop(string target) => Results.Where(r => r.Mode == "closed" && r.Target == target).MaxBy(r => r.ThroughputPerSecond);

    /// <summary>The closed-loop step at a target and concurrency.</summary>
    public LoadResult ClosedLoop(string target, int clients) => Results.First(r => r.Mode == "closed" && r.Target == target && r.Concurrency == clients);

    /// <summary>The concurrencies the closed loop ran at, in order.</summary>
    public IReadOnlyList<int> Concurrency => concurrency;
}
