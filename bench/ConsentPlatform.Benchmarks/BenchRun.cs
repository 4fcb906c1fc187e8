using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using ConsentPlatform.Benchmarks.Ledger;
using ConsentPlatform.Benchmarks.Load;
using ConsentPlatform.Benchmarks.Messaging;
using ConsentPlatform.Benchmarks.Platform;
using ConsentPlatform.Benchmarks.Reporting;
using ConsentPlatform.Benchmarks.Rulebook;
using ConsentPlatform.Benchmarks.Seeding;
using ConsentPlatform.TestSupport.Infrastructure;
using ConsentPlatform.TestSupport.Processes;
using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks;

/// <summary>
/// The whole benchmark in one run, in this order: the rulebook (BenchmarkDotNet); then, against
/// the platform started here as separate processes, idle memory, flat cost at the small size,
/// the messaging tax, decisions closed-loop and open-loop through the gateway and directly,
/// memory under load, ledger append rate and verification, and flat cost at the large size.
/// </summary>
public sealed class BenchRun
{
    private readonly BenchOptions options;
    private readonly Report report = new();
    private readonly Stopwatch total = Stopwatch.StartNew();
    private BenchPlatform platform = default!;
    private Story story = default!;
    private LedgerBench ledger = default!;
    private HttpClient http = default!;

    private BenchRun(BenchOptions options) => this.options = options;

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
            Phase("rulebook (BenchmarkDotNet)");
            var rows = RulebookRunner.Run(options.Quick);
            report.Add(RulebookRunner.ToTable(rows));
            var approved = rows.FirstOrDefault(r => r.Path.StartsWith("approved", StringComparison.Ordinal));
            if (approved is not null)
            {
                report.Goals.Add(new Goal("4. rulebook decisions/s per core", "≥ 1,000,000", Num(approved.DecisionsPerSecondPerCore) + " (approved path)", approved.DecisionsPerSecondPerCore >= 1_000_000));
                report.Goals.Add(new Goal("4. allocations on the approved path", "0 B if possible", approved.AllocatedBytes + " B/op", approved.AllocatedBytes == 0));
            }
        }

        var exitCode = 0;
        if (options.Platform)
        {
            platform = new BenchPlatform(options.ExtraSettings);
            using var stop = new CancellationTokenSource();
            Console.CancelKeyPress += (_, e) =>
            {
                // Ctrl+C: stop the processes this run started, then let the runtime end.
                Console.Error.WriteLine("[bench] interrupted: stopping the platform");
                platform.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(30));
            };
            try
            {
                Phase("starting the platform (4 services + gateway, fresh vhost and databases)");
                await platform.InitializeAsync();
                Console.WriteLine($"  process logs: {Path.GetDirectoryName(platform.Gateway.LogFile)}");
                await MeasurePlatformAsync();
            }
            catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or Npgsql.NpgsqlException)
            {
                Console.Error.WriteLine("[bench] failed: " + e);
                report.Notes.Add("The run failed: " + e.GetType().Name + ": " + e.Message);
                exitCode = 1;
            }
            finally
            {
                Phase("stopping the platform");
                http?.Dispose();
                await platform.DisposeAsync();
            }
        }

        report.Machine["load average at end"] = MachineInfo.LoadAverage();
        report.Settings["wall time"] = $"{total.Elapsed.TotalSeconds:0} s";
        var folder = options.Output ?? Path.Combine(root, "bench", "results");
        var (json, markdown) = report.Write(folder, stamp + (options.Label.Length > 0 ? "-" + options.Label : ""));
        Console.WriteLine();
        Console.WriteLine("## Goals");
        foreach (var goal in report.Goals)
        {
            Console.WriteLine($"  [{(goal.Met switch { true => "met", false => "MISSED", null => "n/a" }),6}] {goal.Measurement}: {goal.Measured} (goal {goal.Target})");
        }

        Console.WriteLine($"[bench] wrote {json} and {markdown} in {total.Elapsed.TotalSeconds:0} s");
        return exitCode;
    }

    private async Task MeasurePlatformAsync()
    {
        var databases = platform.Databases;
        ledger = new LedgerBench(databases["audit"].ConnectionString, platform.Infrastructure.RabbitMqManagement, platform.Broker.VirtualHost);
        http = NewHttpClient();
        report.Settings["postgres"] = await Seeder.DescribeServerAsync(databases["disclosure"].ConnectionString);

        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleAtStart = platform.All.ToDictionary(p => p.Name, p => Rss.Megabytes(p.Pid));

        Phase($"story: an active DSA and {options.Subjects} young carers' consents");
        story = await Story.SetUpAsync(platform, options.Subjects);

        // Cold start (issue 23): the first load a freshly started platform sees, measured with its errors.
        if (options.Runs("cold"))
        {
            await MeasureColdStartAsync();
            if (options.ColdOnly) return;
        }

        // The warm-up also brings the ledger to about the small size with real, chained appends
        // (two entries per decision), so the small seed never has to write ledger rows itself.
        await WaitForLedgerAsync(TimeSpan.FromSeconds(30));
        var warmup = (int)Math.Max(300, (options.SmallEvents - await ledger.HeadAsync()) / 2);
        Phase($"warm-up: {warmup} decisions, and a full page of history for one subject");
        await WarmUpAsync(warmup);
        await HistoryForFirstSubjectAsync(HistoryDecisions);
        await WaitForLedgerAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleAfterWarmup = platform.All.ToDictionary(p => p.Name, p => Rss.Megabytes(p.Pid));
        var proportionalAfterWarmup = platform.All.ToDictionary(p => p.Name, p => Rss.ProportionalMegabytes(p.Pid));

        // 6. Flat cost, small.
        var seeder = new Seeder(platform);
        SeedResult? small = null;
        List<FlatRow> flatSmall = [];
        if (options.Runs("flat"))
        {
            Phase($"flat cost at {options.SmallEvents:N0} events");
            small = await seeder.SeedToAsync(options.SmallEvents, ledgerToo: false);
            flatSmall = await MeasureFlatAsync($"{options.SmallEvents:N0}", small);
        }

        // 3. Messaging tax.
        if (options.Runs("tax")) await MeasureTaxAsync();

        // 1, 2, 7. Decisions, gateway vs direct, memory under load; first load that is not measured,
        // until the runtime has finished compiling the hot paths (the flat-cost phase restarted two services).
        Phase($"JIT warm-up: closed loop, gateway, concurrency 32, {options.JitWarmup.TotalSeconds:0} s (not measured)");
        Print(await LoadGenerator.ClosedLoopAsync("JIT warm-up", "gateway", 32, TimeSpan.Zero, options.JitWarmup, Decide(platform.Gateway.BaseAddress)));
        await WaitForLedgerAsync(options.DrainLimit);
        var headBefore = await ledger.HeadAsync();
        var loadStarted = DateTimeOffset.UtcNow;
        var loadClock = Stopwatch.StartNew();
        using var sampling = new CancellationTokenSource();
        var peaks = Rss.PeakAsync(platform, sampling.Token);
        var results = new List<LoadResult>();
        var targets = new[] { ("gateway", platform.Gateway.BaseAddress), ("direct", platform["disclosure"].BaseAddress) }
            .Where(t => t.Item1 == "gateway" || options.Runs("direct"))
            .ToArray();
        var cpu = new List<(string Target, Dictionary<string, double> Used, long Decisions, double Seconds)>();
        foreach (var (target, address) in targets)
        {
            var before = CpuUsage.Snapshot(platform);
            var clock = Stopwatch.StartNew();
            var count = results.Count;
            foreach (var concurrency in options.Concurrency)
            {
                Phase($"closed loop, {target}, concurrency {concurrency}");
                var result = await LoadGenerator.ClosedLoopAsync($"closed c={concurrency}", target, concurrency, options.Warmup, options.Duration, Decide(address));
                Print(result);
                results.Add(result);
            }

            var after = CpuUsage.Snapshot(platform);
            var decisions = results.Skip(count).Sum(r => r.Completed - r.Errors - r.Shed);
            cpu.Add((target, after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key)), decisions, clock.Elapsed.TotalSeconds));
        }

        foreach (var rate in options.Rates)
        {
            foreach (var (target, address) in targets)
            {
                if (target == "direct" && rate != options.Rates[0]) continue;
                Phase($"open loop, {target}, {rate}/s");
                var result = await LoadGenerator.OpenLoopAsync($"open {rate}/s", target, rate, options.OpenDuration, 4000, Decide(address));
                Print(result);
                results.Add(result);
            }
        }

        sampling.Cancel();
        var underLoad = await peaks;
        var loadSeconds = loadClock.Elapsed.TotalSeconds;
        var loadEnded = DateTimeOffset.UtcNow;
        var headAfterLoad = await ledger.HeadAsync();
        var backlog = await ledger.QueueDepthAsync();

        report.Add(new Table(
            "1–2. Share decisions end to end (POST /api/disclosures, two live checks over RabbitMQ, append, publish, ledger)",
            ["phase", "target", "approved /s", "p50 ms", "p95 ms", "p99 ms", "max ms", "approved p99 ms", "completed", "errors", "shed (503)", "dropped"],
            [.. results.Select(r => (IReadOnlyList<string>)[r.Name, r.Target, Num(r.ThroughputPerSecond, 1), Num(r.P50Ms, 1), Num(r.P95Ms, 1), Num(r.P99Ms, 1), Num(r.MaxMs, 1), Num(r.ApprovedP99Ms, 1), Num(r.Completed), Num(r.Errors), Num(r.Shed), Num(r.Dropped)])],
            results,
            "Closed loop: N clients, each sends its next request when the last one answered. Open loop: requests start on schedule; latency counts from the scheduled start. " +
            "Shed: turned away at once by the gateway's admission limit (503, nothing decided); errors: any other answer than an approval. " +
            "Every request is a consent-basis share that the rulebook approves. First error seen, if any: " +
            (results.Select(r => r.FirstError).FirstOrDefault(e => e is not null) ?? "none") + "."));

        var parts = cpu.SelectMany(c => c.Used.Keys).Distinct().ToList();
        report.Add(new Table(
            "Where the CPU went during the closed-loop steps (2 cores = 2 CPU-s per second)",
            ["process", .. cpu.SelectMany(c => new[] { $"{c.Target}: CPU s", $"{c.Target}: CPU ms per approved decision" })],
            [.. parts.Select(p => (IReadOnlyList<string>)[p, .. cpu.SelectMany(c => new[] { Num(c.Used.GetValueOrDefault(p), 1), Num(c.Used.GetValueOrDefault(p) * 1000 / Math.Max(1, c.Decisions), 2) })]),
             ["total (of " + string.Join(" / ", cpu.Select(c => Num(c.Seconds * Environment.ProcessorCount, 0))) + " CPU-s available)", .. cpu.SelectMany(c => new[] { Num(c.Used.Values.Sum(), 1), Num(c.Used.Values.Sum() * 1000 / Math.Max(1, c.Decisions), 2) })]],
            cpu.Select(c => new { target = c.Target, decisions = c.Decisions, seconds = c.Seconds, cpuSeconds = c.Used }).ToList(),
            "From /proc/<pid>/stat (user + system) before and after all closed-loop steps of each target, warm-ups included. Whatever is missing from the total was used by other work on the machine."));

        var bestGateway = results.Where(r => r.Mode == "closed" && r.Target == "gateway").MaxBy(r => r.ThroughputPerSecond)!;
        var bestDirect = results.Where(r => r.Mode == "closed" && r.Target == "direct").MaxBy(r => r.ThroughputPerSecond);
        report.Goals.Add(new Goal("1. decisions/s sustained (closed loop, best, via gateway)", "≥ 1,000/s", $"{Num(bestGateway.ThroughputPerSecond)}/s at c={bestGateway.Concurrency} (p99 {Num(bestGateway.P99Ms, 1)} ms, {bestGateway.Errors} errors, {bestGateway.Shed} shed)", bestGateway.ThroughputPerSecond >= 1000 && bestGateway.Errors == 0 && bestGateway.Shed == 0));
        var open500 = results.FirstOrDefault(r => r.Mode == "open" && r.Target == "gateway" && r.OfferedPerSecond == 500);
        if (open500 is not null)
        {
            report.Goals.Add(new Goal("1. p99 at 500/s open loop via gateway", "≤ 50 ms", $"{Num(open500.P99Ms, 1)} ms (approved {Num(open500.ThroughputPerSecond)}/s with p99 {Num(open500.ApprovedP99Ms, 1)} ms, {open500.Errors} errors, {open500.Shed} shed, {open500.Dropped} dropped)", open500.P99Ms <= 50 && open500.Errors == 0 && open500.Shed == 0 && open500.Dropped == 0));
        }

        if (bestDirect is not null)
        {
        var pairs = options.Concurrency
            .Select(c => (c, g: results.First(r => r.Mode == "closed" && r.Target == "gateway" && r.Concurrency == c), d: results.First(r => r.Mode == "closed" && r.Target == "direct" && r.Concurrency == c)))
            .ToList();
        report.Add(new Table(
            "2. Gateway cost (closed loop, same concurrency)",
            ["concurrency", "direct /s", "via gateway /s", "gateway cost", "direct p50 ms", "gateway p50 ms"],
            [.. pairs.Select(p => (IReadOnlyList<string>)[p.c.ToString(CultureInfo.InvariantCulture), Num(p.d.ThroughputPerSecond), Num(p.g.ThroughputPerSecond), Cost(p.d.ThroughputPerSecond, p.g.ThroughputPerSecond), Num(p.d.P50Ms, 1), Num(p.g.P50Ms, 1)])],
            pairs.Select(p => new { concurrency = p.c, direct = p.d.ThroughputPerSecond, gateway = p.g.ThroughputPerSecond }).ToList(),
            "Gateway cost = 1 − (via gateway ÷ direct). The gateway, the disclosure service and the load generator share the same 2 cores."));
        var bestCost = 1 - (bestGateway.ThroughputPerSecond / bestDirect.ThroughputPerSecond);
        report.Goals.Add(new Goal("2. gateway cost of throughput (best vs best)", "≤ 10 %", $"{bestCost:P1} ({Num(bestGateway.ThroughputPerSecond)} vs {Num(bestDirect.ThroughputPerSecond)}/s)", bestCost <= 0.10));
        }

        // 5. Ledger appends under the load's publishers, then drained, then verified.
        if (options.Runs("ledger")) await MeasureLedgerAsync(headBefore, headAfterLoad, backlog, loadSeconds, loadStarted, loadEnded);

        // 6. Flat cost, large.
        if (options.Runs("flat")) await MeasureFlatLargeAsync(seeder, small!, flatSmall);

        // 7. Memory.
        report.Add(new Table(
            "7. Memory (RSS, MB)",
            ["process", "idle after start", "idle after warm-up", "PSS idle after warm-up", "peak under the load of (1)"],
            [.. platform.All.Select(p => (IReadOnlyList<string>)[p.Name, Num(idleAtStart[p.Name], 1), Num(idleAfterWarmup[p.Name], 1), Num(proportionalAfterWarmup[p.Name], 1), Num(underLoad[p.Name], 1)])],
            new { idleAtStart, idleAfterWarmup, proportionalAfterWarmup, underLoad },
            "RSS counts every page a process maps, also the runtime and framework pages the five processes share; PSS counts a shared page as 1/n of it."));
        var worstIdle = idleAfterWarmup.MaxBy(p => p.Value);
        report.Goals.Add(new Goal("7. RSS idle per service", "≤ 150 MB", $"max {Num(worstIdle.Value, 1)} MB ({worstIdle.Key}, after warm-up); after start max {Num(idleAtStart.Values.Max(), 1)} MB; PSS after warm-up max {Num(proportionalAfterWarmup.Values.Max(), 1)} MB", idleAfterWarmup.Values.All(v => v <= 150)));
    }

    /// <summary>
    /// A true cold start: every process is stopped and started again on the stores the story
    /// filled, the run waits only for the gateway's <c>/health/ready</c> (as a load balancer would;
    /// no test-support warm-up request), then 45 s of closed-loop decisions at c=32, with the
    /// errors by kind and per 5 s. The processes are fresh (nothing compiled, no pools); PostgreSQL
    /// and RabbitMQ stay up, as they do when a service is redeployed.
    /// </summary>
    private async Task MeasureColdStartAsync()
    {
        var seconds = options.ColdStart.TotalSeconds;
        Phase("cold start: stopping every process, starting them again, waiting for the gateway's /health/ready only");
        await Task.WhenAll(platform.All.Select(p => p.StopAsync()));
        var startClock = Stopwatch.StartNew();
        platform.Gateway.Start();
        foreach (var process in platform.All.Where(p => p != platform.Gateway)) process.Start();
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
        var toReady = startClock.Elapsed.TotalSeconds;
        Console.WriteLine($"  ready {toReady:0.0} s after start");
        // The old connections went to the processes that were just stopped.
        http.Dispose();
        http = NewHttpClient();

        Phase($"cold start: closed loop, gateway, concurrency 32, the first {seconds:0} s of load after ready (measured)");
        var kinds = new ErrorKinds(TimeSpan.FromSeconds(5));
        var cold = await LoadGenerator.ClosedLoopAsync($"cold start, first {seconds:0} s", "gateway", 32, TimeSpan.Zero, options.ColdStart, kinds.Wrap(Decide(platform.Gateway.BaseAddress)));
        Print(cold);
        var byKind = kinds.Kinds;
        Console.WriteLine("  errors by kind: " + (byKind.Count == 0 ? "none" : string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value}"))));
        Console.WriteLine("  per 5 s (approved/errors): " + string.Join("  ", kinds.Windows.Select(w => $"{w.FromSecond}s {w.Approved}/{w.Errors}")));
        report.Add(new Table(
            "Cold start: the first load after a fresh start (closed loop, c=32, via gateway)",
            ["phase", "start → ready s", "approved /s", "p50 ms", "p99 ms", "max ms", "completed", "errors", $"of them {ErrorKinds.CheckUnavailable}", "other errors by kind", "shed (503)"],
            [[cold.Name, Num(toReady, 1), Num(cold.ThroughputPerSecond, 1), Num(cold.P50Ms, 1), Num(cold.P99Ms, 1), Num(cold.MaxMs, 1), Num(cold.Completed), Num(cold.Errors),
              Num(kinds.Count(ErrorKinds.CheckUnavailable)),
              string.Join("; ", byKind.Where(k => k.Key != ErrorKinds.CheckUnavailable).Select(k => $"{k.Key}: {k.Value}")) is { Length: > 0 } other ? other : "none",
              Num(cold.Shed)]],
            new { cold, secondsToReady = Math.Round(toReady, 1), errorsByKind = byKind, perFiveSeconds = kinds.Windows.Select(w => new { from = w.FromSecond, approved = w.Approved, errors = w.Errors }).ToList() },
            "Every process stopped and started again on the stores the story filled; the load begins the moment the gateway's /health/ready answers 200 (no warm-up request from the benchmark). " +
            "Per 5 s (approved/errors): " + string.Join(", ", kinds.Windows.Select(w => $"{w.FromSecond} s {w.Approved}/{w.Errors}")) + ". First error seen: " + (cold.FirstError ?? "none") + "."));
        report.Goals.Add(new Goal($"cold start: check-unavailable in the first {seconds:0} s at c=32", "0", $"{kinds.Count(ErrorKinds.CheckUnavailable)} of {cold.Completed}, {cold.Errors} errors in all ({Num(cold.ThroughputPerSecond)}/s approved, p99 {Num(cold.P99Ms)} ms, ready {Num(toReady, 1)} s after start)", cold.Errors == 0));
    }

    private static HttpClient NewHttpClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    private async Task MeasureLedgerAsync(long headBefore, long headAfterLoad, long backlog, double loadSeconds, DateTimeOffset loadStarted, DateTimeOffset loadEnded)
    {
        Phase("ledger: drain and verify");
        var appendRate = (headAfterLoad - headBefore) / loadSeconds;
        var drainClock = Stopwatch.StartNew();
        var drainFrom = await ledger.HeadAsync();
        var drained = await WaitForLedgerAsync(options.DrainLimit);
        var drainRate = (await ledger.HeadAsync() - drainFrom) / drainClock.Elapsed.TotalSeconds;

        // The lag of every event committed during the decision phases, from its commit to its ledger entry.
        var connections = platform.Databases.ToDictionary(d => d.Key, d => d.Value.ConnectionString);
        var lag = await LedgerLag.MeasureAsync(connections, platform.Databases["audit"].ConnectionString, loadStarted, loadEnded);
        var waiting = lag.Events - lag.Ledgered;
        report.Add(new Table(
            "5. Ledger lag: commit in the publisher's store → ledger entry, events committed during the decision phases",
            ["events committed", "ledgered", $"not ledgered {Num(drainClock.Elapsed.TotalSeconds, 0)} s after the load", "p50 ms", "p99 ms", "max ms"],
            [[Num(lag.Events), Num(lag.Ledgered), Num(waiting), Num(lag.P50Ms, 1), Num(lag.P99Ms, 1), Num(lag.MaxMs, 1)]],
            lag,
            "mt_events.timestamp of each store against audit.ledger.recorded_at, both from the same PostgreSQL server's clock. The decision phases are closed and open loop at the platform's maximum and beyond."));
        report.Goals.Add(new Goal("5. ledger lag p99 under the decision phases", "≤ 1 s", $"p50 {Num(lag.P50Ms, 0)} ms, p99 {Num(lag.P99Ms, 0)} ms, max {Num(lag.MaxMs, 0)} ms over {Num(lag.Ledgered)} events", lag.P99Ms <= 1000));
        report.Goals.Add(new Goal($"5. events still waiting {Num(drainClock.Elapsed.TotalSeconds, 0)} s after the load", "0", Num(waiting), waiting == 0));
        if (!drained)
        {
            var left = await ledger.QueueDepthAsync();
            await ledger.PurgeQueueAsync();
            report.Notes.Add($"The ledger had not caught up {options.DrainLimit.TotalSeconds:0} s after the load: {left:N0} messages were purged from audit-ledger (isolated vhost) so that the later phases do not measure the backlog.");
        }

        var verify = await ledger.VerifyAsync(platform.Gateway.BaseAddress, story.AuditorToken);
        report.Add(new Table(
            "5. Ledger",
            ["measurement", "entries", "seconds", "entries/s", "of raw SHA-256"],
            [
                ["appends during the load phases (disclosure + consent publishers)", Num(headAfterLoad - headBefore), Num(loadSeconds, 1), Num(appendRate), ""],
                [$"appends while draining the backlog ({backlog:N0} queued after the load)", "", Num(drainClock.Elapsed.TotalSeconds, 1), Num(drainRate), ""],
                .. verify.Select(v => (IReadOnlyList<string>)[v.Name, Num(v.Entries), Num(v.Seconds, 3), Num(v.EntriesPerSecond), v.OfRawSha256.ToString("P1", CultureInfo.InvariantCulture)]),
            ],
            new { appendsDuringLoad = headAfterLoad - headBefore, loadSeconds, appendRate, backlogAfterLoad = backlog, drainRate, verify }));
        report.Goals.Add(new Goal("5. ledger appends/s under concurrent publishers", "measure (no goal); must keep up with decisions × 2", $"{Num(appendRate)}/s during load, {Num(drainRate)}/s draining", null));
        var endpointVerify = verify[0];
        var core = verify[2];
        var floor = verify[3];
        var raw = verify[^1];
        report.Goals.Add(new Goal("5. verify speed vs raw chained SHA-256 (the verifier's work)", "≥ 50 %", $"{core.OfRawSha256:P1} ({Num(core.EntriesPerSecond)} vs {Num(raw.EntriesPerSecond)} entries/s, rows in memory)", core.OfRawSha256 >= 0.5));
        report.Goals.Add(new Goal("5. verify speed vs raw chained SHA-256 (the endpoint, reading PostgreSQL)", "≥ 50 %", $"{endpointVerify.OfRawSha256:P1} via the endpoint, {verify[1].OfRawSha256:P1} in process; reading the bytes alone from PostgreSQL reaches {floor.OfRawSha256:P1}", endpointVerify.OfRawSha256 >= 0.5));
    }

    private async Task MeasureFlatLargeAsync(Seeder seeder, SeedResult small, List<FlatRow> flatSmall)
    {
        Phase($"flat cost at {options.LargeEvents:N0} events (bulk seed)");
        var large = await seeder.SeedToAsync(options.LargeEvents, ledgerToo: true);
        var flatLarge = await MeasureFlatAsync($"{options.LargeEvents:N0}", large);
        var flat = flatSmall.Concat(flatLarge).ToList();
        report.Add(new Table(
            "6. Flat cost as the stores and the ledger grow",
            ["size", "measurement", "p50 ms", "p99 ms", "mean ms", "calls", "errors"],
            [.. flat.Select(f => (IReadOnlyList<string>)[f.Size, f.Name, Num(f.P50Ms, 2), Num(f.P99Ms, 2), Num(f.MeanMs, 2), Num(f.Calls), Num(f.Errors)])],
            new { small, large, flat },
            $"Seeding (fast bulk path, see bench/README.md): small {small.Describe()}; large {large.Describe()}."));
        foreach (var name in flatSmall.Select(f => f.Name))
        {
            var a = flatSmall.First(f => f.Name == name);
            var b = flatLarge.First(f => f.Name == name);
            var change = (b.P99Ms / a.P99Ms) - 1;
            report.Goals.Add(new Goal($"6. flat cost: {name} p99, {options.SmallEvents:N0} → {options.LargeEvents:N0}", "within 10 %", $"{Num(a.P99Ms, 2)} → {Num(b.P99Ms, 2)} ms ({change:+0.0%;-0.0%})", change <= 0.10, change < -0.10 ? "faster at the large size: noise from other work on the machine, not growth" : null));
        }
    }

    private async Task MeasureTaxAsync()
    {
        var databases = platform.Databases;
        Phase("messaging tax: CheckConsent over RabbitMQ vs in process");
        var tax = await ConsentCheckTax.MeasureAsync(platform.Broker, databases["consent"].ConnectionString, story.Subjects, Scenario.School, options.TaxCalls);
        var taxUs = tax[0].MeanUs - tax[1].MeanUs;
        report.Add(new Table(
            "3. Live check round trip: the messaging tax",
            ["call", "calls", "mean µs", "p50 µs", "p99 µs", "max µs"],
            [.. tax.Select(t => (IReadOnlyList<string>)[t.Name, Num(t.Calls), Num(t.MeanUs, 1), Num(t.P50Us), Num(t.P99Us), Num(t.MaxUs)])],
            tax,
            $"One call at a time from this process. Messaging tax = {Num(taxUs)} µs mean, {Num(tax[0].P50Us - tax[1].P50Us)} µs at p50 (RabbitMQ round trip, MassTransit serialization and the consumer pipeline)."));
        report.Goals.Add(new Goal("3. messaging tax of a live check", "measure (no goal)", $"{Num(taxUs)} µs mean ({Num(tax[0].MeanUs)} vs {Num(tax[1].MeanUs)} µs)", null));
    }

    private sealed record FlatRow(string Size, string Name, double P50Ms, double P99Ms, double MeanMs, long Calls, long Errors);

    private async Task<List<FlatRow>> MeasureFlatAsync(string size, SeedResult seed)
    {
        var rows = new List<FlatRow>();
        // The consent and disclosure services were just restarted by the seed: load them until the
        // runtime has compiled the hot paths, or the size with the colder services looks dearer.
        Print(await LoadGenerator.ClosedLoopAsync("JIT warm-up", "gateway", 32, TimeSpan.Zero, options.JitWarmup, Decide(platform.Gateway.BaseAddress)));
        await WaitForLedgerAsync(options.DrainLimit);
        var decisions = await LoadGenerator.ClosedLoopAsync("flat", "gateway", options.FlatConcurrency, TimeSpan.FromSeconds(1), options.FlatDuration, Decide(platform.Gateway.BaseAddress));
        Print(decisions);
        rows.Add(new FlatRow(size, $"decision (closed loop c={options.FlatConcurrency}, gateway)", decisions.P50Ms, decisions.P99Ms, decisions.MeanMs, decisions.Completed, decisions.Errors));
        var random = new Random(42);
        var middle = Math.Max(1, seed.LedgerEntries / 2);
        foreach (var (name, path) in new (string, Func<string>)[]
        {
            ("entries: first page (limit 100)", () => "/api/audit/entries?limit=100"),
            // The subject with a history of more than a page: both sizes read the same 100 entries.
            ("entries: one subject (limit 100)", () => $"/api/audit/entries?subjectId={story.Subjects[0]}&limit=100"),
            ("entries: page in the middle (after=, limit 100)", () => $"/api/audit/entries?after={middle}&limit=100"),
            ("entries: by purpose (limit 100)", () => "/api/audit/entries?purpose=school-support&limit=100"),
        })
        {
            var histogram = new LatencyHistogram();
            long errors = 0;
            for (var i = 0; i < options.PageCalls + 10; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(platform.Gateway.BaseAddress, path()));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", story.AuditorToken);
                var started = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (i < 10) continue; // warm-up
                histogram.Record(Stopwatch.GetElapsedTime(started));
                if (response.StatusCode != HttpStatusCode.OK) errors++;
            }

            rows.Add(new FlatRow(size, name, histogram.ValueAt(50) / 1000.0, histogram.ValueAt(99) / 1000.0, Math.Round(histogram.MeanMicroseconds / 1000.0, 2), histogram.Count, errors));
        }

        foreach (var row in rows) Console.WriteLine($"  {row.Size,10} {row.Name,-50} p50 {row.P50Ms,8:0.00} ms  p99 {row.P99Ms,8:0.00} ms  errors {row.Errors}");
        return rows;
    }

    /// <summary><paramref name="count"/> decisions, 8 at a time, not measured: JIT, connection pools, query plans.</summary>
    /// <summary>Decisions for the first subject alone (two entries each, besides its consent's).</summary>
    private const int HistoryDecisions = 60;

    /// <summary>
    /// Gives the first subject more than a page of ledger entries before anything is measured, so
    /// that "one subject" reads the same full page at both flat-cost sizes (with random subjects it
    /// read about 4 entries at the small size and 100 at the large one).
    /// </summary>
    private async Task HistoryForFirstSubjectAsync(int decisions)
    {
        var decide = Decide(platform.Gateway.BaseAddress);
        for (var i = 0; i < decisions; i++)
        {
            // A request body per subject, in order: index k × subjects is always the first subject.
            var (answer, error) = await decide((long)i * story.Subjects.Count, CancellationToken.None);
            if (answer != LoadGenerator.Answer.Ok) throw new InvalidOperationException($"a history decision for the first subject was not approved: {error}");
        }
    }

    private async Task WarmUpAsync(int count)
    {
        var decide = Decide(platform.Gateway.BaseAddress);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, token) =>
        {
            try
            {
                await decide(i, token);
            }
            catch (HttpRequestException)
            {
                // a connection to a process that was just restarted: the next one is fresh
            }
        });
    }

    /// <summary>Waits until audit-ledger is empty and the head stops moving, at most <paramref name="limit"/>.</summary>
    private async Task<bool> WaitForLedgerAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        var last = -1L;
        var still = 0;
        while (deadline.Elapsed < limit)
        {
            var head = await ledger.HeadAsync();
            still = head == last ? still + 1 : 0;
            last = head;
            if (still >= 3 && await ledger.QueueDepthAsync() == 0) return true;
            await Task.Delay(1000);
        }

        return false;
    }

    private LoadGenerator.Operation Decide(Uri baseAddress) => async (index, cancellationToken) =>
    {
        using var request = story.DisclosureRequest(baseAddress, index);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // Only an approval counts: a 201 "denied" (check-unavailable after a timeout or an open
        // circuit) is the platform failing closed under load, an error for this benchmark.
        if (response.StatusCode == HttpStatusCode.Created && body.AsSpan().IndexOf(Approved) >= 0) return (LoadGenerator.Answer.Ok, null);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && body.AsSpan().IndexOf(AtCapacity) >= 0) return (LoadGenerator.Answer.Shed, null);
        var text = System.Text.Encoding.UTF8.GetString(body);
        return (LoadGenerator.Answer.Failed, $"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
    };

    private static readonly byte[] Approved = "\"status\":\"approved\""u8.ToArray();

    /// <summary>The problem type of the gateway's admission limit (gateway/Limits/DisclosureAdmission.cs).</summary>
    private static readonly byte[] AtCapacity = "problems/at-capacity"u8.ToArray();

    private static string Cost(double direct, double gateway) => direct <= 0 ? "n/a" : (1 - (gateway / direct)).ToString("P1", CultureInfo.InvariantCulture);

    private static void Print(LoadResult r) =>
        Console.WriteLine($"  {r.Name,-16} {r.Target,-8} {r.ThroughputPerSecond,8:0.0}/s  p50 {r.P50Ms,7:0.0}  p95 {r.P95Ms,7:0.0}  p99 {r.P99Ms,7:0.0}  max {r.MaxMs,8:0.0} ms  approved p99 {r.ApprovedP99Ms,7:0.0} ms  n={r.Completed} errors={r.Errors} shed={r.Shed} dropped={r.Dropped}");

    private void Phase(string name) => Console.WriteLine($"[bench {total.Elapsed.TotalSeconds,5:0}s] {name}  (load {MachineInfo.LoadAverage()})");
}
