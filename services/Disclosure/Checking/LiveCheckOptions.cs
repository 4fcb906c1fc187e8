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

    /// <summary>
    /// While open, checks fail at once (fail closed) instead of waiting for a timeout. After this long
    /// one check is let through as a probe (half-open): its success closes the circuit. One second, not
    /// ten (issue 23): with ten, shares were still denied for up to ten seconds after the broker or the
    /// checked service was back; a probe a second costs at most one check's timeout per second while
    /// the outage lasts, and every other check still fails at once.
    /// </summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>At most this many checks of one kind in one batch message (issue 23).</summary>
    public int CheckBatchSize { get; set; } = 64;

    /// <summary>
    /// Batches of one kind on their way at once. Below this a check leaves at once (no added
    /// latency); at it, checks wait for the next batch, which leaves the moment one comes back.
    /// One, not two (issue 23, docs/performance.md): with one, more checks wait for each batch, so
    /// fewer messages carry them; in three alternating pairs the ledger's lag p99 over the load was
    /// 1.1–1.6 s against 4.1–5.1 s with two, and the p99 at 500/s 143–202 ms against 216–341 ms. A lone
    /// check still leaves at once, and a check never waits longer than its timeout and half a second.
    /// </summary>
    public int CheckBatchesInFlight { get; set; } = 1;
}
