using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>4. The share rulebook alone, in process (BenchmarkDotNet), before the platform starts; left out by <c>--no-rulebook</c>.</summary>
public sealed class RulebookPhase() : BenchPhase("rulebook (BenchmarkDotNet)", null)
{
    private IReadOnlyList<RulebookRow> rows = [];

    public override Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        rows = RulebookRunner.Run(run.Options.Quick);
        return Task.CompletedTask;
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Add(RulebookRunner.ToTable(rows));
        var approved = rows.FirstOrDefault(r => r.Path.StartsWith("approved", StringComparison.Ordinal));
        if (approved is null) return;
        report.Goals.Add(new Goal("4. rulebook decisions/s per core", "≥ 1,000,000", Num(approved.DecisionsPerSecondPerCore) + " (approved path)", approved.DecisionsPerSecondPerCore >= 1_000_000));
        report.Goals.Add(new Goal("4. allocations on the approved path", "0 B if possible", approved.AllocatedBytes + " B/op", approved.AllocatedBytes == 0));
    }
}
