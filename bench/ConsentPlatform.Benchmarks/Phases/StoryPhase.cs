namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 7 (first half) and the set-up: each process's RSS 5 s after it is ready, then the story every
/// later phase uses (an active DSA and the young carers' consents, a practitioner's and an
/// auditor's tokens).
/// </summary>
public sealed class StoryPhase() : BenchPhase("story and idle memory", null)
{
    private string postgres = "";

    public Dictionary<string, double> IdleAtStart { get; private set; } = [];

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        postgres = await Seeder.DescribeServerAsync(run.Platform.Databases["disclosure"].ConnectionString);
        await Task.Delay(TimeSpan.FromSeconds(5));
        IdleAtStart = run.Platform.All.ToDictionary(p => p.Name, p => Rss.Megabytes(p.Pid));
        run.Phase($"story: an active DSA and {run.Options.Subjects} young carers' consents");
        run.Story = await Story.SetUpAsync(run.Platform, run.Options.Subjects);
    }

    public override void Report(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report.Settings["postgres"] = postgres;
    }
}
