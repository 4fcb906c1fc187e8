namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// How long a live check may take and when to stop asking a service that keeps failing
/// (configuration section <c>Disclosure</c>: <c>Disclosure:CheckTimeout</c>, default 2 s).
/// </summary>
public sealed class LiveCheckOptions
{
    public const string Section = "Disclosure";

    /// <summary>Each check (consent, DSA) gets this long; no answer in time is <c>check-unavailable</c>.</summary>
    public TimeSpan CheckTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The share of failed checks, within <see cref="CircuitSamplingDuration"/>, that opens the circuit.</summary>
    public double CircuitFailureRatio { get; set; } = 0.5;

    /// <summary>At least this many checks in the sampling window before the circuit may open.</summary>
    public int CircuitMinimumThroughput { get; set; } = 4;

    public TimeSpan CircuitSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>While open, checks fail at once (fail closed) instead of waiting for a timeout.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(10);
}
