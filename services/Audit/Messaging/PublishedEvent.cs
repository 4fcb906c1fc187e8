namespace ConsentPlatform.Audit.Messaging;

/// <summary>A message the ledger refuses to record: it goes to the error queue, where it is reported.</summary>
public sealed class PoisonEventException(string message) : Exception(message);

/// <summary>
/// Reads a received <see cref="IPlatformEvent"/> as the ledger records it. MassTransit names the
/// concrete contract first in the envelope's message types (<c>urn:message:Namespace:Type</c>):
/// a contract of this build is deserialized as its own type and written with <see cref="AuditJson.Data"/>;
/// a type this build does not know (a newer publisher) is kept as the raw JSON it arrived as.
/// Either way the event is recorded, never dropped.
/// </summary>
public static class PublishedEvent
{
    private const string UrnPrefix = "urn:message:";
    private static readonly string InterfaceUrn = MessageUrn.ForTypeString(typeof(IPlatformEvent));

    private static readonly Dictionary<string, Type> Known = typeof(IPlatformEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPlatformEvent).IsAssignableFrom(t))
        .ToDictionary(t => MessageUrn.ForTypeString(t), StringComparer.Ordinal);

    public static IncomingEvent Read(ConsumeContext<IPlatformEvent> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var urn = context.SupportedMessageTypes.FirstOrDefault(t => !string.Equals(t, InterfaceUrn, StringComparison.Ordinal))
                  ?? throw new PoisonEventException("The message names no event type besides IPlatformEvent.");
        var (ns, typeName) = Split(urn);
        RequireItsOwnExchange(context, ns, typeName);

        IPlatformEvent header;
        JsonElement data;
        if (Known.TryGetValue(urn, out var type))
        {
            if (!context.SerializerContext.TryGetMessage(type, out var message) || message is not IPlatformEvent typed)
            {
                throw new PoisonEventException($"The {typeName} message could not be read as its contract.");
            }

            header = typed;
            data = JsonSerializer.SerializeToElement(message, type, AuditJson.Data);
        }
        else
        {
            if (!context.SerializerContext.TryGetMessage<JsonObject>(out var raw) || raw is null)
            {
                throw new PoisonEventException($"The {typeName} message has no JSON body.");
            }

            header = context.Message;
            data = JsonSerializer.SerializeToElement(raw);
        }

        if (header.EventId == Guid.Empty) throw new PoisonEventException($"The {typeName} message has no event id.");
        if (header.OccurredAt == default) throw new PoisonEventException($"The {typeName} message has no occurredAt.");

        return new IncomingEvent(header.EventId, typeName, SourceOf(ns), header.SubjectId, header.OccurredAt, data);
    }

    /// <summary>
    /// An event is believed only if it arrived through its own type's exchange
    /// (<c>Namespace:Type</c>), which only the service that owns the type may write to
    /// (infra/broker-permissions). The broker, not the publisher, names that exchange in the delivery.
    /// Every publisher may write to the shared <see cref="IPlatformEvent"/> exchange (it binds its own
    /// exchanges there), so a message published straight to it, claiming any type, could be a forgery
    /// by another service and is refused. Two other ways in are only the administrator's: the
    /// ledger's own exchange (<c>audit-ledger</c>) and the default exchange (a message moved back from
    /// the error queue).
    /// </summary>
    private static void RequireItsOwnExchange(ConsumeContext<IPlatformEvent> context, string ns, string typeName)
    {
        if (!context.ReceiveContext.TryGetPayload<RabbitMqBasicConsumeContext>(out var delivery))
        {
            throw new PoisonEventException($"The {typeName} message did not come through RabbitMQ: where it was published cannot be told.");
        }

        var exchange = delivery.Exchange ?? string.Empty;
        if (exchange == $"{ns}:{typeName}" || exchange is LedgerConsumerDefinition.QueueName or "") return;
        throw new PoisonEventException($"The {typeName} message was published to exchange '{exchange}', not to its own type's exchange '{ns}:{typeName}': who published it cannot be trusted.");
    }

    /// <summary><c>ConsentPlatform.Contracts.DsaRegistry</c> → <c>dsa-registry</c>: the service that publishes the namespace's events.</summary>
    public static string SourceOf(string ns)
    {
        ArgumentNullException.ThrowIfNull(ns);
        var last = ns[(ns.LastIndexOf('.') + 1)..];
        return JsonNamingPolicy.KebabCaseLower.ConvertName(last);
    }

    private static (string Namespace, string TypeName) Split(string urn)
    {
        var body = urn.StartsWith(UrnPrefix, StringComparison.Ordinal) ? urn[UrnPrefix.Length..] : urn;
        var colon = body.LastIndexOf(':');
        return colon < 0 ? (string.Empty, body) : (body[..colon], body[(colon + 1)..]);
    }
}
