namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// One phase of the run, in the order <see cref="BenchRun"/> lists them: what it is called
/// (<paramref name="name"/>), the <c>--skip</c> name that leaves it out (<paramref name="skipKey"/>;
/// null when it always runs because later phases need what it sets up), its measurement, and its
/// section of the report (tables and goals). A phase that needs an earlier one's figures takes
/// that phase in its constructor.
/// </summary>
public abstract class BenchPhase(string name, string? skipKey)
{
    /// <summary>What the phase is called in the code and in a failure.</summary>
    public string Name { get; } = name;

    /// <summary>The name <c>--skip</c> leaves this phase out by, or null when it cannot be skipped.</summary>
    public string? SkipKey { get; } = skipKey;

    /// <summary>Measures, keeping its figures for <see cref="Report"/> and for the phases after it.</summary>
    public abstract Task RunAsync(PlatformRun run);

    /// <summary>Adds the phase's section (tables, goals, notes) to the report; nothing for a phase that only sets up.</summary>
    public virtual void Report(Report report)
    {
    }
}
