namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// One Polly pipeline per checked service (a singleton, so that each circuit remembers its
/// failures across requests): a circuit breaker around a per-attempt timeout. No retry: a
/// decision waits at most one timeout, and a second ask would only double the wait. Since issue 23
/// each execution is one batch of checks (<see cref="CoalescedChecks"/>): the circuit counts batches.
/// Both circuits also close at once when the bus is connected to the broker again
/// (<see cref="BrokerReturnClosesCircuits"/>), without waiting for a half-open probe.
/// </summary>
public sealed class CheckPipelines
{
    private readonly CircuitBreakerManualControl control = new();

    public CheckPipelines(IOptions<LiveCheckOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Consent = Build(options.Value, control);
        Dsa = Build(options.Value, control);
    }

    public ResiliencePipeline Consent { get; }

    public ResiliencePipeline Dsa { get; }

    /// <summary>Closes both circuits and forgets their failures (Polly's manual control).</summary>
    public Task CloseAsync(CancellationToken cancellationToken = default) => control.CloseAsync(cancellationToken);

    private static ResiliencePipeline Build(LiveCheckOptions options, CircuitBreakerManualControl control) =>
        new ResiliencePipelineBuilder()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                FailureRatio = options.CircuitFailureRatio,
                MinimumThroughput = Math.Max(2, options.CircuitMinimumThroughput),
                SamplingDuration = options.CircuitSamplingDuration,
                BreakDuration = options.CircuitBreakDuration,
                // Every failure counts (timeout, fault, broker error), except the caller hanging up.
                ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
                ManualControl = control,
            })
            .AddTimeout(options.CheckTimeout)
            .Build();
}
