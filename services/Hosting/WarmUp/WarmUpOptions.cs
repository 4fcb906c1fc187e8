namespace ConsentPlatform.Hosting.WarmUp;

/// <summary>Configuration section <c>WarmUp</c>.</summary>
public sealed class WarmUpOptions
{
    public const string Section = "WarmUp";

    /// <summary>Off only for an experiment (the benchmark's before column): the service is then ready as soon as its database and broker are.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Passes per step. The runtime's tiered compilation recompiles a method with full optimisation
    /// after 30 calls; 40 passes take every method a pass calls once past that.
    /// </summary>
    public int Rounds { get; set; } = 40;

    /// <summary>
    /// The whole warm-up's bound. Past it the service reports ready anyway, says so in the log and
    /// in its readiness report (see docs/reliability.md for why it does not stay unready).
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long a step that needs another service (<see cref="IWarmUpStep.AsksAnotherService"/>) waits for its first answer.</summary>
    public TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
