using static ConsentPlatform.Benchmarks.Reporting.Report;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 7. Memory: each process's RSS after start (<see cref="StoryPhase"/>), at rest after the warm-up
/// with its PSS (<see cref="WarmUpPhase"/>), and its peak under the decision load
/// (<see cref="DecisionLoadPhase"/>). Measures nothing itself.
/// </summary>
public sealed class MemoryPhase(StoryPhase start, WarmUpPhase warmUp, DecisionLoadPhase load) : BenchPhase("memory", null)
{
    private IReadOnlyList<string> processes = [];

    public override Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        processes = [.. run.Platform.All.Select(p => p.Name)];
        return Task.CompletedTask;
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (idleAtStart, idleAfterWarmup, proportionalAfterWarmup, underLoad) = (start.IdleAtStart, warmUp.IdleAfterWarmup, warmUp.ProportionalAfterWarmup, load.UnderLoad);
        report.Add(new Table(
            "7. Memory (RSS, MB)",
            ["process", "idle after start", "idle after warm-up", "PSS idle after warm-up", "peak under the load of (1)"],
            [.. processes.Select(p => (IReadOnlyList<string>)[p, Num(idleAtStart[p], 1), Num(idleAfterWarmup[p], 1), Num(proportionalAfterWarmup[p], 1), Num(underLoad[p], 1)])],
            new { idleAtStart, idleAfterWarmup, proportionalAfterWarmup, underLoad },
            "RSS counts every page a process maps, also the runtime and framework pages the five processes share; PSS counts a shared page as 1/n of it."));
        var worstIdle = idleAfterWarmup.MaxBy(p => p.Value);
        report.Goals.Add(new Goal("7. RSS idle per service", "≤ 150 MB", $"max {Num(worstIdle.Value, 1)} MB ({worstIdle.Key}, after warm-up); after start max {Num(idleAtStart.Values.Max(), 1)} MB; PSS after warm-up max {Num(proportionalAfterWarmup.Values.Max(), 1)} MB", idleAfterWarmup.Values.All(v => v <= 150)));
    }
}
