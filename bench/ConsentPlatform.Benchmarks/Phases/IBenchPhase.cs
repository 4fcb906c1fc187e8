using ConsentPlatform.Benchmarks.Reporting;

namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// One phase of the run, in the order <see cref="BenchRun"/> lists them: what it is called on the
/// console, the <c>--skip</c> name that leaves it out (null: it always runs, because later phases
/// need what it sets up), its measurement, and its section of the report (tables and goals).
/// A phase that needs an earlier one's figures takes that phase in its constructor.
/// </summary>
public interface IBenchPhase
{
    /// <summary>What the console prints when the phase starts.</summary>
    string Name { get; }

    /// <summary>The name <c>--skip</c> leaves this phase out by, or null when it cannot be skipped.</summary>
    string? SkipKey { get; }

    /// <summary>Measures, keeping its figures for <see cref="Report"/> and for the phases after it.</summary>
    Task RunAsync(PlatformRun run);

    /// <summary>Adds the phase's section (tables, goals, notes) to the report; nothing for a phase that only sets up.</summary>
    void Report(Report report);
}
