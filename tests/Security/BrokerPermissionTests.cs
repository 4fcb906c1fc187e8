namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Each service holds only its own keys to the broker (issue 15): it connects as a RabbitMQ user of
/// its own whose permissions are its lines in <c>infra/broker-permissions</c>. Tried with the very
/// users and passwords the running services were given: each is refused (AMQP 403) on every other
/// service's queue, cannot bind a queue of its own to another service's exchanges to listen in, and
/// cannot publish another service's events; each can still declare and consume a queue of its own,
/// so the refusals are the permissions', not a bad password's.
/// </summary>
public sealed class BrokerPermissionTests(PlatformProcesses platform)
{
    private const ushort AccessRefused = 403;
    private const string PlatformEvents = "ConsentPlatform.Contracts.Common:IPlatformEvent";

    /// <summary>Who owns each consumer queue the platform declares (a new queue must be added here).</summary>
    private static readonly Dictionary<string, string> QueueOwners = new(StringComparer.Ordinal)
    {
        ["check-consent"] = "consent",
        ["check-consent-batch"] = "consent",
        ["consent-uses"] = "consent",
        ["resolve-subject-link"] = "consent",
        ["check-dsa-scope"] = "dsa-registry",
        ["check-dsa-scope-batch"] = "dsa-registry",
        ["check-dsa-party"] = "dsa-registry",
        ["explain-consent-purpose"] = "dsa-registry",
        ["list-onboarded-tenants"] = "dsa-registry",
        ["disclosure-consent-changes"] = "disclosure",
        ["audit-ledger"] = "audit",
    };

    // The gateway has a user too (issue 18): it only asks the registry which tenants are onboarded.
    private static readonly string[] ServiceNames = ["consent", "dsa-registry", "disclosure", "audit", "gateway"];

    public static TheoryData<string> Services => new(ServiceNames);

    [Fact]
    public async Task Every_queue_on_the_broker_belongs_to_one_service_its_instances_bus_queues_included()
    {
        // An instance declares its bus queue when it first asks another service something: the
        // disclosure service asks consent and the registry about every share request.
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School);
        (await Scenario.RequestShareAsync(school, Scenario.NewSubject(), ["caring.role"])).Dispose();
        var queues = await QueuesAsync();
        for (var deadline = DateTime.UtcNow.AddSeconds(30); !queues.Any(q => q.StartsWith("disclosure-bus-", StringComparison.Ordinal)) && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(200, Ct);
            queues = await QueuesAsync();
        }

        Assert.Contains(queues, q => q.StartsWith("disclosure-bus-", StringComparison.Ordinal));
        Assert.All(queues, q => Assert.True(OwnerOf(q) is not null, $"{q} belongs to no service: name it in infra/broker-permissions and here"));
        Assert.Superset(QueueOwners.Keys.ToHashSet(), queues.ToHashSet());
    }

    [Theory]
    [MemberData(nameof(Services))]
    public async Task A_services_user_is_refused_on_every_other_services_queue(string service)
    {
        var theirs = (await QueuesAsync()).Where(q => OwnerOf(q) != service).ToList();
        Assert.NotEmpty(theirs);
        await using var connection = await platform.ConnectAsAsync(service);
        foreach (var queue in theirs)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
            var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
                channel.BasicConsumeAsync(queue, autoAck: false, new AsyncEventingBasicConsumer(channel), Ct));
            Assert.True(refused.ShutdownReason?.ReplyCode == AccessRefused, $"{service} consuming {queue}: {refused.ShutdownReason}");
        }

        await AssertCanUseItsOwnQueueAsync(connection, service);
    }

    [Fact]
    public async Task The_consent_service_cannot_consume_from_the_audit_ledgers_queue()
    {
        Assert.Contains("audit-ledger", await QueuesAsync());
        await using var connection = await platform.ConnectAsAsync("consent");
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            channel.BasicConsumeAsync("audit-ledger", autoAck: true, new AsyncEventingBasicConsumer(channel), Ct));

        Assert.Equal(AccessRefused, refused.ShutdownReason?.ReplyCode);
    }

    [Theory]
    [InlineData("consent", PlatformEvents)]
    [InlineData("consent", "ConsentPlatform.Contracts.Disclosure:DisclosureReleased")]
    [InlineData("dsa-registry", PlatformEvents)]
    [InlineData("dsa-registry", "ConsentPlatform.Contracts.Consent:ConsentGranted")]
    [InlineData("disclosure", PlatformEvents)]
    [InlineData("disclosure", "ConsentPlatform.Contracts.Consent:CheckConsent")]
    [InlineData("audit", "ConsentPlatform.Contracts.Consent:CheckConsent")]
    [InlineData("audit", "check-dsa-scope")]
    [InlineData("gateway", PlatformEvents)]
    [InlineData("gateway", "ConsentPlatform.Contracts.DsaRegistry:TenantOnboarded")]
    public async Task A_services_user_cannot_bind_a_queue_of_its_own_to_listen_to_another_services_exchange(string service, string exchange)
    {
        await using var connection = await platform.ConnectAsAsync(service);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var own = await channel.QueueDeclareAsync(BusQueueOf(service), durable: false, exclusive: true, autoDelete: true, cancellationToken: Ct);

        var refused = await Assert.ThrowsAsync<OperationInterruptedException>(() =>
            channel.QueueBindAsync(own.QueueName, exchange, routingKey: "", cancellationToken: Ct));

        Assert.True(refused.ShutdownReason?.ReplyCode == AccessRefused, $"{service} binding to {exchange}: {refused.ShutdownReason}");
    }

    [Theory]
    [InlineData("consent", "ConsentPlatform.Contracts.Disclosure:DisclosureReleased")]
    // Not "audit-ledger": every publisher may now declare that queue and bind its own exchanges to it
    // (issue 23, a home for events on a fresh deployment), and RabbitMQ grants write on a name to the
    // exchange and the queue alike. What it publishes there directly is refused by the ledger's
    // provenance check (LedgerProvenanceTests), like anything not from its type's own exchange.
    [InlineData("consent", "audit-ledger_error")]
    [InlineData("disclosure", "ConsentPlatform.Contracts.Consent:ConsentGranted")]
    [InlineData("dsa-registry", "ConsentPlatform.Contracts.Disclosure:DisclosureApproved")]
    [InlineData("audit", "ConsentPlatform.Contracts.DsaRegistry:DsaActivated")]
    [InlineData("audit", PlatformEvents)]
    [InlineData("gateway", "ConsentPlatform.Contracts.Consent:CheckConsent")]
    [InlineData("gateway", "ConsentPlatform.Contracts.DsaRegistry:CheckDsaScope")]
    public async Task A_services_user_cannot_publish_to_another_services_exchange(string service, string exchange)
    {
        await using var connection = await platform.ConnectAsAsync(service);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), Ct);

        var refused = await Record.ExceptionAsync(async () =>
            await channel.BasicPublishAsync(exchange, routingKey: "", mandatory: false, new BasicProperties(), Encoding.UTF8.GetBytes("{}"), Ct));

        Assert.NotNull(refused);
        Assert.True(channel.CloseReason?.ReplyCode == AccessRefused, $"{service} publishing to {exchange}: {refused.GetType().Name} {channel.CloseReason}");
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Its own temporary queue, as the service's bus would declare it.</summary>
    private static string BusQueueOf(string service) => $"{service}-bus-{Guid.NewGuid():N}";

    private static string? OwnerOf(string queue)
    {
        foreach (var service in ServiceNames)
        {
            if (queue.StartsWith(service + "-bus-", StringComparison.Ordinal)) return service;
        }

        var endpoint = queue.EndsWith("_error", StringComparison.Ordinal) ? queue[..^6]
            : queue.EndsWith("_skipped", StringComparison.Ordinal) ? queue[..^8] : queue;
        return QueueOwners.GetValueOrDefault(endpoint);
    }

    private static async Task AssertCanUseItsOwnQueueAsync(IConnection connection, string service)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Ct);
        var own = await channel.QueueDeclareAsync(BusQueueOf(service), durable: false, exclusive: true, autoDelete: true, cancellationToken: Ct);
        var tag = await channel.BasicConsumeAsync(own.QueueName, autoAck: true, new AsyncEventingBasicConsumer(channel), Ct);
        Assert.False(string.IsNullOrEmpty(tag));
    }

    /// <summary>The queues on the platform's virtual host, through the management API (as the administrator).</summary>
    private async Task<List<string>> QueuesAsync()
    {
        using var management = platform.Management();
        using var queues = JsonDocument.Parse(await management.GetStringAsync(
            new Uri($"api/queues/{platform.VirtualHostPath()}?columns=name", UriKind.Relative), Ct));
        return queues.RootElement.EnumerateArray().Select(q => q.GetProperty("name").GetString()!)
            .Where(q => !q.StartsWith("amq.", StringComparison.Ordinal)).ToList();
    }
}
