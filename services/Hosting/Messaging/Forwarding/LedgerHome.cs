namespace ConsentPlatform.Hosting.Messaging.Forwarding;

/// <summary>
/// Makes sure every published event has somewhere to land before it is published, even on a fresh
/// deployment where the audit service has never started (issue 23): a fanout exchange with no queue
/// bound drops what it is given, and the forwarder's checkpoint would then move past events the
/// ledger never saw.
/// <para>
/// Before the first publish of a contract type, the publisher declares the audit service's durable
/// <c>audit-ledger</c> queue exactly as MassTransit declares it for the audit service (durable, not
/// exclusive, not auto-deleted, no arguments: a different declaration would fail the audit service's
/// own) and binds the contract's exchange straight to it. The audit service later adds its usual route
/// (contract → <c>IPlatformEvent</c> → <c>audit-ledger</c> exchange → queue); RabbitMQ puts a message
/// into a queue once however many routes lead there, so the two routes never deliver a copy twice.
/// </para>
/// <para>
/// The binding goes from the publisher's own exchange (which it may already read) to the queue (which it
/// may write and configure, infra/broker-permissions), never from <c>IPlatformEvent</c>: reading that
/// exchange would let a publisher bind a queue of its own to every service's events.
/// </para>
/// </summary>
public sealed class LedgerHome(IConfiguration configuration)
{
    /// <summary>The audit service's ledger queue (its <c>LedgerConsumerDefinition.QueueName</c>).</summary>
    public const string LedgerQueue = "audit-ledger";

    private readonly ConcurrentDictionary<Type, bool> homed = new();
    private readonly SemaphoreSlim declaring = new(1, 1);

    /// <summary>
    /// Declares the ledger queue and binds the exchange of each contract type not yet bound by this
    /// process. Throws if the broker refuses or is unreachable: the caller then publishes nothing.
    /// </summary>
    public async Task EnsureAsync(IEnumerable<Type> contractTypes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(contractTypes);
        var missing = contractTypes.Where(t => typeof(IPlatformEvent).IsAssignableFrom(t) && !homed.ContainsKey(t)).Distinct().ToList();
        if (missing.Count == 0) return;

        await declaring.WaitAsync(cancellationToken);
        try
        {
            missing.RemoveAll(homed.ContainsKey);
            if (missing.Count == 0) return;
            var settings = configuration.GetSection(RabbitMqSettings.Section).Get<RabbitMqSettings>() ?? new RabbitMqSettings();
            var factory = new ConnectionFactory
            {
                HostName = settings.Host,
                Port = settings.Port,
                VirtualHost = settings.VirtualHost,
                UserName = settings.Username,
                Password = settings.Password,
                RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                AutomaticRecoveryEnabled = false,
                ClientProvidedName = "ledger-home",
            };
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(LedgerQueue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellationToken);
            foreach (var type in missing)
            {
                var exchange = ExchangeName(type);
                // As MassTransit declares a message type's exchange when it first publishes it.
                await channel.ExchangeDeclareAsync(exchange, ExchangeType.Fanout, durable: true, autoDelete: false, arguments: null, cancellationToken: cancellationToken);
                await channel.QueueBindAsync(LedgerQueue, exchange, routingKey: string.Empty, arguments: null, cancellationToken: cancellationToken);
                homed[type] = true;
            }

            await channel.CloseAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        finally
        {
            declaring.Release();
        }
    }

    /// <summary>MassTransit's exchange name for a message type: <c>Namespace:TypeName</c> (as in infra/broker-permissions).</summary>
    public static string ExchangeName(Type contractType)
    {
        ArgumentNullException.ThrowIfNull(contractType);
        return $"{contractType.Namespace}:{contractType.Name}";
    }
}
