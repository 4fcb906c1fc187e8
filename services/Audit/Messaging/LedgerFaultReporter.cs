namespace ConsentPlatform.Audit.Messaging;

/// <summary>
/// Reports every message that leaves the ledger's queue for its error queue (an unreadable body, a
/// message without an event id, data the database refuses, a database that stayed down through
/// every retry): an error log naming the message and the counter <c>audit.ledger.error_queued</c>.
/// The message itself stays in <c>audit-ledger_error</c> to be moved back once the cause is fixed.
/// Messages the ledger consumer forwards there itself are reported through <see cref="ReportForwarded"/>.
/// </summary>
public sealed partial class LedgerFaultReporter(AuditMetrics metrics, ILogger<LedgerFaultReporter> logger) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    /// <summary>
    /// A batch of the ledger consumer failed on every retry: MassTransit moves each of its messages to
    /// the error queue next. Reported once per message (the batch's own fault, a <c>Batch&lt;…&gt;</c>,
    /// would count a whole batch as one).
    /// </summary>
    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        if (typeof(T) == typeof(IPlatformEvent))
        {
            Report(context.ReceiveContext.InputAddress, context.MessageId?.ToString() ?? "unknown", exception);
        }

        return Task.CompletedTask;
    }

    /// <summary>The ledger consumer has put one message of a batch in the error queue itself, so that the rest of the batch is ledgered.</summary>
    public void ReportForwarded(ConsumeContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        Report(context.ReceiveContext.InputAddress, context.MessageId?.ToString() ?? "unknown", exception);
    }

    /// <summary>The message could not even be read (not JSON, not an envelope): it goes to the error queue too.</summary>
    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is not ConsumerException)
        {
            Report(context.InputAddress, context.TransportHeaders.Get<string>("MessageId") ?? "unknown", exception);
        }

        return Task.CompletedTask;
    }

    private void Report(Uri? inputAddress, string messageId, Exception exception)
    {
        var queue = inputAddress?.AbsolutePath.Split('/').LastOrDefault() ?? "unknown";
        if (!string.Equals(queue, LedgerConsumerDefinition.QueueName, StringComparison.Ordinal)) return;
        metrics.ErrorQueued.Add(1);
        LogErrorQueued(logger, messageId, queue, exception.GetType().Name, exception.Message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} could not be ledgered and was moved to {Queue}_error: {ErrorType}: {Error}")]
    private static partial void LogErrorQueued(ILogger logger, string messageId, string queue, string errorType, string error);
}
