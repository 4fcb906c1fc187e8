using MassTransit;

namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// Closes the live checks' circuits the moment this service's bus endpoint (the queue where the
/// checks' answers arrive) is connected to RabbitMQ again after an outage (issue 23: approvals again
/// within 2 s of the broker's return).
/// <para>
/// Without it the circuits close only through a half-open probe: one batch let through a second, which
/// during the outage waits its whole 2 s timeout. A probe sent just before the broker returned still
/// failed (its answer had no queue to come back to), and the next came a second after that: the first
/// approval fell 1.2–2.7 s after the broker's return in the fault suite, on top of the reconnect.
/// </para>
/// <para>
/// Closing is safe for failing closed: it only lets checks be asked again. A check that then fails
/// (the consent service or the registry not yet reconnected, and not within the check's timeout) is
/// still <c>check-unavailable</c> and counts towards opening the circuit again. Only the bus endpoint
/// counts: the service's other endpoints can be back while the answers still have nowhere to go. An
/// outage of a checked service alone (the broker up) does not reconnect this endpoint, so it still
/// ends through the half-open probe.
/// </para>
/// </summary>
public sealed partial class BrokerReturnClosesCircuits(CheckPipelines pipelines, ILogger<BrokerReturnClosesCircuits> logger) : IReceiveEndpointObserver
{
    private int readyTimes;

    public async Task Ready(ReceiveEndpointReady ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        if (ready.ReceiveEndpoint is not ReceiveEndpoint { IsBusEndpoint: true }) return;
        // The first time is the bus starting, with both circuits closed already.
        if (Interlocked.Increment(ref readyTimes) == 1) return;
        await pipelines.CloseAsync();
        LogClosed(logger, ready.InputAddress);
    }

    public Task Stopping(ReceiveEndpointStopping stopping) => Task.CompletedTask;

    public Task Completed(ReceiveEndpointCompleted completed) => Task.CompletedTask;

    public Task Faulted(ReceiveEndpointFaulted faulted) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "The bus endpoint {Address} is connected again; the live checks' circuits are closed")]
    private static partial void LogClosed(ILogger logger, Uri address);
}
