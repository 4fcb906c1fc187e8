using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 2. What the gateway costs: the closed-loop steps of <see cref="DecisionLoadPhase"/> through the
/// gateway against the same steps straight to the disclosure service. Measures nothing itself;
/// left out with the direct steps (<c>--skip direct</c>).
/// </summary>
public sealed class GatewayCostPhase(DecisionLoadPhase decisions) : BenchPhase("gateway cost", "direct")
{
    public override Task RunAsync(PlatformRun run) => Task.CompletedTask;

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var bestGateway = decisions.BestClosedLoop("gateway")!;
        if (decisions.BestClosedLoop("direct") is not { } bestDirect) return;
        var pairs = decisions.Concurrency
            .Select(c => (c, g: decisions.ClosedLoop("gateway", c), d: decisions.ClosedLoop("direct", c)))
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

    private static string Cost(double direct, double gateway) => direct <= 0 ? "n/a" : (1 - (gateway / direct)).ToString("P1", CultureInfo.InvariantCulture);
}
