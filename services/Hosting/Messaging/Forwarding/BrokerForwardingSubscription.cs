using MassTransit;

namespace ConsentPlatform.Hosting.Messaging.Forwarding;

/// <summary>
/// Publishing without loss: events are committed to Marten first; this subscription then
/// forwards them to RabbitMQ, and Marten advances its checkpoint only after a page is fully
/// published. While the broker is down the page is retried (with backoff) rather than skipped,
/// so an event committed during an outage is published when the broker returns. A crash between
/// publish and checkpoint re-publishes; the message id (the event id) lets consumers
/// de-duplicate, which makes delivery once in effect.
/// <para>
/// Before anything is published, <see cref="LedgerHome"/> makes sure the ledger's queue exists and is
/// bound to each contract's exchange, so that no event is published into the void on a fresh deployment.
/// </para>
/// <para>
/// In order per stream, pipelined across streams (issue 23): one awaited publisher confirm per event,
/// one after another, capped the forwarder at ≈ 150 events/s under load. Now each stream's events are
/// published in commit order, each confirmed before the next of that stream is sent, while up to
/// <see cref="MaxStreamsInFlight"/> streams publish at once. The order of one stream's events is what
/// consumers rely on (a release after its approval); events of different streams were never ordered
/// across services either.
/// </para>
/// </summary>
public sealed partial class BrokerForwardingSubscription(IEventContracts contracts, IBus bus, LedgerHome home, ILogger<BrokerForwardingSubscription> logger) : SubscriptionBase
{
    /// <summary>Streams publishing at once: enough to keep a page's confirms overlapping, few enough not to flood the channel.</summary>
    public const int MaxStreamsInFlight = 64;

    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        var published = new List<(IEvent Event, object Contract)>(page.Events.Count);
        foreach (var @event in page.Events)
        {
            var contract = contracts.ToContract(@event);
            if (contract is not null) published.Add((@event, contract));
        }

        if (published.Count == 0) return NullChangeListener.Instance;
        await EnsureHomeAsync(published.Select(p => p.Contract.GetType()).Distinct().ToList(), cancellationToken);

        var lanes = StreamLanes.Split(published, p => (p.Event.StreamId, p.Event.StreamKey));
        await Parallel.ForEachAsync(
            lanes,
            new ParallelOptions { MaxDegreeOfParallelism = MaxStreamsInFlight, CancellationToken = cancellationToken },
            async (lane, token) =>
            {
                foreach (var (@event, contract) in lane) await PublishUntilAcceptedAsync(@event, contract, token);
            });
        return NullChangeListener.Instance;
    }

    /// <summary>Until the ledger's queue and bindings exist, nothing is published: the events wait in the store.</summary>
    private async Task EnsureHomeAsync(IReadOnlyList<Type> contractTypes, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await home.EnsureAsync(contractTypes, cancellationToken);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogHomeFailed(logger, attempt, e.GetType().Name, e.Message);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    private async Task PublishUntilAcceptedAsync(IEvent @event, object contract, CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(200);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(PublishTimeout);
                // Published within the trace of the request that committed the event.
                using var activity = TraceContext.StartForwarding(@event, contract.GetType().Name);
                // MassTransit's publish heeds the token while it waits for a connection, but not always
                // once the message is out and its publisher confirm is awaited: in the fault suite a publish
                // started as the broker came back never returned, so its page never finished and nothing
                // after it was forwarded until the process restarted (75 events missing from the ledger
                // 90 s later). So it is abandoned after the timeout and sent again; a second copy carries
                // the same message id, and the ledger ignores it.
                await bus.Publish(contract, contract.GetType(), ctx => ctx.MessageId = @event.Id, timeout.Token)
                    .WaitAsync(PublishTimeout, cancellationToken);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogPublishFailed(logger, contract.GetType().Name, @event.Sequence, attempt, e.GetType().Name);
                await Task.Delay(backoff, cancellationToken);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {ContractType} (event sequence {Sequence}) failed on attempt {Attempt} with {Error}; retrying")]
    private static partial void LogPublishFailed(ILogger logger, string contractType, long sequence, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Declaring the ledger's queue and bindings failed on attempt {Attempt} with {Error} ({Detail}); publishing nothing until it succeeds")]
    private static partial void LogHomeFailed(ILogger logger, int attempt, string error, string detail);
}
