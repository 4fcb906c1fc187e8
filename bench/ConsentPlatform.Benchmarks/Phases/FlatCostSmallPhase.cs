namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// 6 (first half): the stores seeded to the small size, then measured. Its figures are reported
/// beside the large size's by <see cref="FlatCostLargePhase"/>, which needs them.
/// </summary>
public sealed class FlatCostSmallPhase() : BenchPhase("flat cost, small", "flat")
{
    public Seeder Seeder { get; private set; } = default!;
    public SeedResult Seed { get; private set; } = default!;
    public List<FlatRow> Rows { get; private set; } = [];

    public override async Task RunAsync(PlatformRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        run.Phase($"flat cost at {run.Options.SmallEvents:N0} events");
        Seeder = new Seeder(run.Platform);
        Seed = await Seeder.SeedToAsync(run.Options.SmallEvents, ledgerToo: false);
        Rows = await FlatCost.MeasureAsync(run, $"{run.Options.SmallEvents:N0}", Seed);
    }
}
