namespace ConsentPlatform.Audit.Messaging;

/// <summary>
/// Ledgers every published event, a batch at a time. MassTransit publishes each contract to its own
/// exchange and, bound to it, to the exchange of every interface it implements: one consumer of
/// <see cref="IPlatformEvent"/> therefore receives the events of all services. Idempotent: a
/// redelivered or duplicated event id changes nothing.
/// <para>
/// A message the ledger refuses (unreadable as an event, or data the database will not store) is
/// forwarded to <c>audit-ledger_error</c> by this consumer and reported, and the rest of its batch is
/// ledgered: one poison message never takes good events with it. Anything else that fails (the
/// database unreachable) fails the whole batch, which is retried as a whole (see the definition).
/// </para>
/// </summary>
public sealed partial class LedgerConsumer(LedgerWriter writer, LedgerFaultReporter faults, AuditMetrics metrics, ILogger<LedgerConsumer> logger) : IConsumer<Batch<IPlatformEvent>>
{
    private static readonly Uri ErrorQueue = new($"queue:{LedgerConsumerDefinition.QueueName}_error");

    public async Task Consume(ConsumeContext<Batch<IPlatformEvent>> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var readable = new List<(ConsumeContext<IPlatformEvent> Message, IncomingEvent Event)>(context.Message.Length);
        var refused = new List<(ConsumeContext<IPlatformEvent> Message, Exception Reason)>();
        foreach (var message in context.Message)
        {
            try
            {
                readable.Add((message, PublishedEvent.Read(message)));
            }
            catch (Exception e) when (e is PoisonEventException or JsonException)
            {
                refused.Add((message, e));
            }
        }

        if (readable.Count > 0)
        {
            // Not the consume context's token: it is cancelled when the broker connection goes (a broker
            // stopping while a batch is written), and a batch cancelled half-way faulted, and its messages
            // went to audit-ledger_error while their events were committed nowhere: lost from the ledger
            // (seen once in fault 1, "lost 1", at load ≈ 130). Written to the end instead, the batch is
            // committed; if its acknowledgement cannot reach the broker any more, the broker delivers the
            // messages again and the ledger ignores them as duplicates (it is idempotent by event id).
            var unlessTheDatabaseFails = CancellationToken.None;
            try
            {
                var results = await writer.AppendBatchAsync(readable.ConvertAll(r => r.Event), unlessTheDatabaseFails);
                for (var i = 0; i < readable.Count; i++) Count(readable[i].Event, results[i]);
            }
            catch (PostgresException e) when (IsRefusedData(e))
            {
                // Which event the database refused is not said: each alone, in order, so only that one is left out.
                foreach (var (message, incoming) in readable)
                {
                    try
                    {
                        Count(incoming, await writer.AppendAsync(incoming, unlessTheDatabaseFails));
                    }
                    catch (PostgresException refusal) when (IsRefusedData(refusal))
                    {
                        refused.Add((message, refusal));
                    }
                }
            }
        }

        // Only once the rest is committed: a batch that fails and is retried forwards nothing twice.
        foreach (var (message, reason) in refused) await ForwardToErrorQueueAsync(message, reason);
    }

    /// <summary>SQLSTATE class 22, data exception: the values themselves are wrong (a NUL character in text, say), so retrying cannot help.</summary>
    private static bool IsRefusedData(PostgresException exception) => exception.SqlState.StartsWith("22", StringComparison.Ordinal);

    /// <summary>
    /// Sends the message as it arrived (envelope, message types, headers) to the error queue, with
    /// the fault headers MassTransit's own error transport would add, and reports it; the batch then
    /// acknowledges it with the others.
    /// </summary>
    private async Task ForwardToErrorQueueAsync(ConsumeContext<IPlatformEvent> message, Exception reason)
    {
        var errorQueue = await message.GetSendEndpoint(ErrorQueue);
        await message.Forward(errorQueue, Pipe.Execute<SendContext<IPlatformEvent>>(send =>
        {
            send.Headers.Set(MessageHeaders.Reason, "fault");
            send.Headers.Set(MessageHeaders.FaultExceptionType, reason.GetType().Name);
            send.Headers.Set(MessageHeaders.FaultMessage, reason.Message);
            send.Headers.Set(MessageHeaders.FaultInputAddress, message.ReceiveContext.InputAddress?.ToString());
            send.Headers.Set(MessageHeaders.FaultConsumerType, nameof(LedgerConsumer));
            send.Headers.Set(MessageHeaders.FaultTimestamp, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }));
        faults.ReportForwarded(message, reason);
    }

    private void Count(IncomingEvent incoming, AppendResult result)
    {
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
/// The ledger's endpoint: queue <c>audit-ledger</c>, one batch at a time per instance (so the ledger
/// keeps the broker's order), and patient retries of a whole batch while the database is
/// unreachable; what still fails goes to <c>audit-ledger_error</c>, message by message.
/// </summary>
public sealed class LedgerConsumerDefinition : ConsumerDefinition<LedgerConsumer>
{
    public const string QueueName = "audit-ledger";

    /// <summary>The setting for <see cref="MessageLimit"/> (<c>Ledger__BatchLimit</c> in the environment).</summary>
    public const string BatchLimitSetting = "Ledger:BatchLimit";

    /// <summary>
    /// By default at most 100 events per transaction: a batch then costs mostly rows written, not round
    /// trips and commits (the same 5–6 round trips and one synchronous commit per batch that each event
    /// used to cost), while one batch (≈ 100 KB of JSON) still holds the head lock only briefly
    /// against competing instances.
    /// </summary>
    public const int DefaultMessageLimit = 100;

    /// <summary>Above this a batch would hold the head lock for long against another instance, and MassTransit's prefetch (twice the limit) grows with it.</summary>
    public const int MaxMessageLimit = 1000;

    /// <summary>
    /// A partial batch waits at most 10 ms for more: invisible to an auditor, and when events trickle
    /// in (a few per 10 ms) nothing would be gained by waiting longer. Under load batches fill up
    /// before the limit, and while one is written the next one collects.
    /// </summary>
    public static readonly TimeSpan TimeLimit = TimeSpan.FromMilliseconds(10);

    public LedgerConsumerDefinition(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        EndpointName = QueueName;
        MessageLimit = BatchLimitOf(configuration);
    }

    /// <summary>The most events one batch (one transaction) may hold.</summary>
    public int MessageLimit { get; }

    /// <summary>The configured batch limit, or the default; a value out of 1–1,000 stops the start rather than being guessed at.</summary>
    public static int BatchLimitOf(IConfiguration configuration) =>
        WholeNumberSetting.Read(configuration, BatchLimitSetting, DefaultMessageLimit, 1, MaxMessageLimit);

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator, IConsumerConfigurator<LedgerConsumer> consumerConfigurator, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpointConfigurator);
        ArgumentNullException.ThrowIfNull(consumerConfigurator);
        // One batch at a time, delivered in the order its messages arrived: the ledger keeps the queue's order.
        consumerConfigurator.Options<BatchOptions>(o => o.SetMessageLimit(MessageLimit).SetTimeLimit(TimeLimit).SetConcurrencyLimit(1));
        // Two batches' worth on hand, so the next batch fills while one is written (one would leave
        // the writer idle between batches, waiting for the broker).
        endpointConfigurator.PrefetchCount = 2 * MessageLimit;
        endpointConfigurator.ConcurrentMessageLimit = 2 * MessageLimit;
        // On the batch, not on each message: a failed batch is retried whole and in order (a retry per
        // message would come back as batches of one, in any order). Once these retries are spent, the
        // platform's per-message retries do not start over; each message goes to the error queue.
        consumerConfigurator.UseMessageRetry(r =>
        {
            r.Handle<NpgsqlException>();
            r.Handle<TimeoutException>();
            r.Incremental(30, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
        });
    }
}
