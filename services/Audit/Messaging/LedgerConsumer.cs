using ConsentPlatform.Audit.Ledger;
using ConsentPlatform.Contracts.Common;
using MassTransit;
using Npgsql;

namespace ConsentPlatform.Audit.Messaging;

/// <summary>
/// Ledgers every published event. MassTransit publishes each contract to its own exchange and,
/// bound to it, to the exchange of every interface it implements: one consumer of
/// <see cref="IPlatformEvent"/> therefore receives the events of all services. Idempotent: a
/// redelivered or duplicated event id changes nothing.
/// </summary>
public sealed partial class LedgerConsumer(LedgerWriter writer, AuditMetrics metrics, ILogger<LedgerConsumer> logger) : IConsumer<IPlatformEvent>
{
    public async Task Consume(ConsumeContext<IPlatformEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var incoming = PublishedEvent.Read(context);
        var result = await writer.AppendAsync(incoming, context.CancellationToken);
        if (result.Duplicate)
        {
            metrics.Duplicates.Add(1);
            LogDuplicate(logger, incoming.EventType, incoming.EventId, result.Sequence);
        }
        else
        {
            metrics.Appended.Add(1);
            LogAppended(logger, incoming.EventType, incoming.EventId, result.Sequence);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledgered {EventType} {EventId} at sequence {Sequence}")]
    private static partial void LogAppended(ILogger logger, string eventType, Guid eventId, long sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored duplicate {EventType} {EventId}: already at sequence {Sequence}")]
    private static partial void LogDuplicate(ILogger logger, string eventType, Guid eventId, long sequence);
}

/// <summary>
/// The ledger's endpoint: queue <c>audit-ledger</c>, one message at a time per instance (so the
/// ledger keeps the broker's order), and patient retries while the database is unreachable, on top
/// of the platform's immediate retries; what still fails goes to <c>audit-ledger_error</c>.
/// </summary>
public sealed class LedgerConsumerDefinition : ConsumerDefinition<LedgerConsumer>
{
    public const string QueueName = "audit-ledger";

    public LedgerConsumerDefinition()
    {
        EndpointName = QueueName;
        ConcurrentMessageLimit = 1;
    }

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<LedgerConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        // Still one message at a time, but the next ones already wait here instead of costing a
        // broker round trip each: +25 % appends in docs/performance.md (proposal 1).
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit) rabbit.PrefetchCount = 64;
        endpointConfigurator.UseMessageRetry(r =>
        {
            r.Handle<NpgsqlException>();
            r.Handle<TimeoutException>();
            r.Incremental(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        });
    }
}
