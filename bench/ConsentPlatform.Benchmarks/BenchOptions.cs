namespace ConsentPlatform.Benchmarks;

/// <summary>
/// Command-line settings. Defaults are the documented run (bench/run); <c>--quick</c> shortens
/// every phase for a smoke run.
/// </summary>
public sealed record BenchOptions
{
    public bool Quick { get; init; }
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Load before the decision phases, not measured: the runtime is still compiling (tier-1
    /// recompilation) for the first minute of load, which made the services look 35–40 % dearer
    /// per decision than they are once warm (a profile in docs/performance.md, section 1).
    /// </summary>
    public TimeSpan JitWarmup { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>The first load after a fresh start, measured as its own phase (issue 23).</summary>
    public TimeSpan ColdStart { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary><c>--cold-only</c>: the story, then the cold-start phase, nothing else (≈ 2 min).</summary>
    public bool ColdOnly { get; init; }
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(8);
    public TimeSpan OpenDuration { get; init; } = TimeSpan.FromSeconds(10);
    public int[] Concurrency { get; init; } = [1, 8, 32, 128];
    public double[] Rates { get; init; } = [500, 1000];
    public int Subjects { get; init; } = 256;
    public int TaxCalls { get; init; } = 1000;
    public long SmallEvents { get; init; } = 1_000;
    public long LargeEvents { get; init; } = 250_000;
    public int FlatConcurrency { get; init; } = 4;
    public TimeSpan FlatDuration { get; init; } = TimeSpan.FromSeconds(8);
    public int PageCalls { get; init; } = 300;
    public TimeSpan DrainLimit { get; init; } = TimeSpan.FromSeconds(30);
    public bool Rulebook { get; init; } = true;
    public bool Platform { get; init; } = true;
    public HashSet<string> Skip { get; init; } = [];
    public string? ExtraSettings { get; init; } = Environment.GetEnvironmentVariable("BENCH_SETTINGS");
    public string Label { get; init; } = "";
    public string? Output { get; init; }

    /// <summary>Phases that <c>--skip flat,tax,direct,ledger,verify</c> leaves out (for experiments; the documented run skips none).</summary>
    public bool Runs(string phase) => !Skip.Contains(phase);

    public static BenchOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options with
                {
                    Quick = true,
                    Warmup = TimeSpan.FromSeconds(1),
                    JitWarmup = TimeSpan.FromSeconds(5),
                    Duration = TimeSpan.FromSeconds(3),
                    OpenDuration = TimeSpan.FromSeconds(4),
                    TaxCalls = 300,
                    LargeEvents = 20_000,
                    FlatDuration = TimeSpan.FromSeconds(4),
                    PageCalls = 50,
                    DrainLimit = TimeSpan.FromSeconds(10),
                },
                "--jit-warmup" => options with { JitWarmup = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--duration" => options with { Duration = TimeSpan.FromSeconds(int.Parse(Next(), CultureInfo.InvariantCulture)) },
                "--concurrency" => options with { Concurrency = [.. Next().Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture))] },
                "--rates" => options with { Rates = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))] },
                "--large" => options with { LargeEvents = long.Parse(Next(), CultureInfo.InvariantCulture) },
                "--no-rulebook" => options with { Rulebook = false },
                "--cold-only" => options with { ColdOnly = true, Rulebook = false },
                "--rulebook-only" => options with { Platform = false },
                "--skip" => options with { Skip = [.. Next().Split(',', StringSplitOptions.RemoveEmptyEntries)] },
                "--settings" => options with { ExtraSettings = Next() },
                "--label" => options with { Label = Next() },
                "--out" => options with { Output = Next() },
                _ => throw new ArgumentException($"unknown argument {args[i]}; see bench/README.md"),
            };
        }

        return options;
    }
}
