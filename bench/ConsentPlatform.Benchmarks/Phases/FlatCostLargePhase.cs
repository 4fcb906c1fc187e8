using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>6 (second half): the stores and the ledger seeded to the large size, measured as at the small one, and both compared.</summary>
public sealed class FlatCostLargePhase(FlatCostSmallPhase small) : BenchPhase("flat cost, large", "flat")
{
    private SeedResult large = default!;
    private List<FlatRow> rows = [];
    private long smallEvents;
    private long largeEvents;

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        (smallEvents, largeEvents) = (run.Options.SmallEvents, run.Options.LargeEvents);
        run.Phase($"flat cost at {largeEvents:N0} events (bulk seed)");
        large = await small.Seeder.SeedToAsync(largeEvents, ledgerToo: true);
        rows = await FlatCost.MeasureAsync(run, $"{largeEvents:N0}", large);
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var flat = small.Rows.Concat(rows).ToList();
        report.Add(new Table(
            "6. Flat cost as the stores and the ledger grow",
            ["size", "measurement", "p50 ms", "p99 ms", "mean ms", "calls", "errors"],
            [.. flat.Select(f => (IReadOnlyList<string>)[f.Size, f.Name, Num(f.P50Ms, 2), Num(f.P99Ms, 2), Num(f.MeanMs, 2), Num(f.Calls), Num(f.Errors)])],
            new { small = small.Seed, large, flat },
            $"Seeding (fast bulk path, see bench/README.md): small {small.Seed.Describe()}; large {large.Describe()}."));
        foreach (var name in small.Rows.Select(f => f.Name))
        {
            var a = small.Rows.First(f => f.Name == name);
            var b = rows.First(f => f.Name == name);
            var change = (b.P99Ms / a.P99Ms) - 1;
            report.Goals.Add(new Goal($"6. flat cost: {name} p99, {smallEvents:N0} → {largeEvents:N0}", "within 10 %", $"{Num(a.P99Ms, 2)} → {Num(b.P99Ms, 2)} ms ({change:+0.0%;-0.0%})", change <= 0.10, change < -0.10 ? "faster at the large size: noise from other work on the machine, not growth" : null));
        }
    }
}
