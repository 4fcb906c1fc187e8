namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// Not measured: decisions that bring the ledger to about the small size with real, chained
/// appends (two entries per decision, so the small seed never has to write ledger rows itself),
/// a full page of history for the first subject, then each process's RSS and PSS at rest (7).
/// </summary>
public sealed class WarmUpPhase() : BenchPhase("warm-up", null)
{
    /// <summary>Decisions for the first subject alone (two entries each, besides its consent's).</summary>
    private const int HistoryDecisions = 60;

    public Dictionary<string, double> IdleAfterWarmup { get; private set; } = [];
    public Dictionary<string, double> ProportionalAfterWarmup { get; private set; } = [];

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        await run.WaitForLedgerAsync(TimeSpan.FromSeconds(30));
        var warmup = (int)Math.Max(300, (run.Options.SmallEvents - await run.Ledger.HeadAsync()) / 2);
        run.Phase($"warm-up: {warmup} decisions, and a full page of history for one subject");
        await WarmUpAsync(run, warmup);
        await HistoryForFirstSubjectAsync(run, HistoryDecisions);
        await run.WaitForLedgerAsync(TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(5));
        IdleAfterWarmup = run.Platform.All.ToDictionary(p => p.Name, p => Rss.Megabytes(p.Pid));
        ProportionalAfterWarmup = run.Platform.All.ToDictionary(p => p.Name, p => Rss.ProportionalMegabytes(p.Pid));
    }


    /// <summary><paramref name="count"/> decisions, 8 at a time, not measured: JIT, connection pools, query plans.</summary>
    private static async Task WarmUpAsync(PlatformRun run, int count)
    {
        var decide = run.Decide(run.Platform.Gateway.BaseAddress);
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

    /// <summary>
    /// Gives the first subject more than a page of ledger entries before anything is measured, so
    /// that "one subject" reads the same full page at both flat-cost sizes (with random subjects it
    /// read about 4 entries at the small size and 100 at the large one).
    /// </summary>
    private static async Task HistoryForFirstSubjectAsync(PlatformRun run, int decisions)
    {
        var decide = run.Decide(run.Platform.Gateway.BaseAddress);
        for (var i = 0; i < decisions; i++)
        {
            // A request body per subject, in order: index k × subjects is always the first subject.
            var (answer, error) = await decide((long)i * run.Story.Subjects.Count, CancellationToken.None);
            if (answer != LoadGenerator.Answer.Ok) throw new InvalidOperationException($"a history decision for the first subject was not approved: {error}");
        }
    }
}
