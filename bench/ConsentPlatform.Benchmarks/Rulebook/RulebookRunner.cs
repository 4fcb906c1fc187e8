namespace ConsentPlatform.Benchmarks.Rulebook;

public sealed record RulebookRow(string Path, double MeanNs, double ErrorNs, double DecisionsPerSecondPerCore, long AllocatedBytes);

/// <summary>Runs <see cref="RulebookBenchmarks"/> in this process (no separate build) and turns the summary into a table.</summary>
public static class RulebookRunner
{
    public static IReadOnlyList<RulebookRow> Run(bool quick)
    {
        var job = (quick ? Job.Dry : Job.ShortRun)
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithId("in-process");
        if (!quick) job = job.WithWarmupCount(3).WithIterationCount(8);
        var config = ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultConfig.Instance.GetColumnProviders().ToArray())
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "consentplatform-bdn"))
            .WithOptions(ConfigOptions.DisableLogFile);
        var summary = BenchmarkRunner.Run<RulebookBenchmarks>(config);
        return [.. summary.Reports.Select(r =>
        {
            var mean = r.ResultStatistics?.Mean ?? double.NaN;
            var error = r.ResultStatistics?.ConfidenceInterval.Margin ?? double.NaN;
            var allocated = r.GcStats.GetBytesAllocatedPerOperation(r.BenchmarkCase) ?? -1;
            return new RulebookRow(r.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo.Trim('\''), Math.Round(mean, 1), Math.Round(error, 1), Math.Round(1e9 / mean), allocated);
        })];
    }

    public static Table ToTable(IReadOnlyList<RulebookRow> rows) => new(
        "4. Rulebook: ShareRulebook.Decide (BenchmarkDotNet, in process, one core)",
        ["path", "mean ns", "± ns (99.9 %)", "decisions/s per core", "allocated B/op"],
        [.. rows.Select(r => (IReadOnlyList<string>)[r.Path, Report.Num(r.MeanNs, 1), Report.Num(r.ErrorNs, 1), Report.Num(r.DecisionsPerSecondPerCore), r.AllocatedBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)])],
        rows);
}
