using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// Issue 23: a true cold start. Every process is stopped and started again on the stores the story
/// filled, the run waits only for the gateway's <c>/health/ready</c> (as a load balancer would;
/// no test-support warm-up request), then 45 s of closed-loop decisions at c=32, with the errors
/// by kind and per 5 s. The processes are fresh (nothing compiled, no pools); PostgreSQL and
/// RabbitMQ stay up, as they do when a service is redeployed.
/// </summary>
public sealed class ColdStartPhase() : BenchPhase("cold start", "cold")
{
    private double seconds;
    private double toReady;
    private LoadResult cold = default!;
    private ErrorKinds kinds = default!;

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var platform = run.Platform;
        seconds = run.Options.ColdStart.TotalSeconds;
        run.Phase("cold start: stopping every process, starting them again, waiting for the gateway's /health/ready only");
        await Task.WhenAll(platform.All.Select(p => p.StopAsync()));
        var startClock = Stopwatch.StartNew();
        platform.Gateway.Start();
        foreach (var process in platform.All.Where(p => p != platform.Gateway)) process.Start();
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(180));
        toReady = startClock.Elapsed.TotalSeconds;
        Console.WriteLine($"  ready {toReady:0.0} s after start");
        run.RenewHttpClient();

        run.Phase($"cold start: closed loop, gateway, concurrency 32, the first {seconds:0} s of load after ready (measured)");
        kinds = new ErrorKinds(TimeSpan.FromSeconds(5));
        cold = await LoadGenerator.ClosedLoopAsync($"cold start, first {seconds:0} s", "gateway", 32, TimeSpan.Zero, run.Options.ColdStart, kinds.Wrap(run.Decide(platform.Gateway.BaseAddress)));
        PlatformRun.Print(cold);
        var byKind = kinds.Kinds;
        Console.WriteLine("  errors by kind: " + (byKind.Count == 0 ? "none" : string.Join(", ", byKind.Select(k => $"{k.Key} {k.Value}"))));
        Console.WriteLine("  per 5 s (approved/errors): " + string.Join("  ", kinds.Windows.Select(w => $"{w.FromSecond}s {w.Approved}/{w.Errors}")));
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var byKind = kinds.Kinds;
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
}
