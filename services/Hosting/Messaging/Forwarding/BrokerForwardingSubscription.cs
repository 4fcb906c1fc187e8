using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace ConsentPlatform.Hosting.Messaging.Forwarding;

/// <summary>
/// Publishing without loss: events are committed to Marten first; this subscription then
/// forwards them, in order, to RabbitMQ, and Marten advances its checkpoint only after a batch
/// is fully published. While the broker is down the batch is retried (with backoff) rather
/// than skipped, so an event committed during an outage is published when the broker returns.
/// A crash between publish and checkpoint re-publishes; the message id (the event id) lets
/// consumers de-duplicate, which makes delivery once in effect.
/// </summary>
public sealed partial class BrokerForwardingSubscription(IEventContracts contracts, IBus bus, ILogger<BrokerForwardingSubscription> logger) : SubscriptionBase
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(5);

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        foreach (var @event in page.Events)
        {
            var contract = contracts.ToContract(@event);
            if (contract is null) continue;
            await PublishUntilAcceptedAsync(@event, contract, cancellationToken);
        }

        return NullChangeListener.Instance;
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
                await bus.Publish(contract, contract.GetType(), ctx => ctx.MessageId = @event.Id, timeout.Token);
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
}
