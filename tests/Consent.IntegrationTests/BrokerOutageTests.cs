using static ConsentPlatform.Consent.IntegrationTests.Support.Api;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// The consent service and a test consumer on a private RabbitMQ node, which this suite alone
/// stops and restarts (the shared broker is never touched).
/// </summary>
public sealed class BrokerOutage : IAsyncLifetime
{
    private IBusControl? bus;

    public PrivateRabbitMqNode Node { get; private set; } = default!;
    public OutageHost Host { get; private set; } = default!;
    public EventInbox Events { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Node = await PrivateRabbitMqNode.StartAsync();
        Host = new OutageHost(Node);
        await Host.InitializeAsync();
        // A durable queue of its own, bound before the outage: what is published after the
        // broker comes back waits there for the test consumer.
        bus = await TestBus.StartAsync(Node.Host, Node.Port, "/", Node.Username, Node.Password, "consent-outage-tests", Events, new AgreementParties());
    }

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.StopAsync();
        if (Host is not null) await Host.DisposeAsync();
        if (Node is not null) await Node.DisposeAsync();
    }

    public sealed class OutageHost(PrivateRabbitMqNode node) : ServiceHost<ConsentEntryPoint>
    {
        protected override void ConfigureService(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("RabbitMq:Host", node.Host);
            builder.UseSetting("RabbitMq:Port", node.Port.ToString(CultureInfo.InvariantCulture));
            builder.UseSetting("RabbitMq:VirtualHost", "/");
            builder.UseSetting("RabbitMq:Username", node.Username);
            builder.UseSetting("RabbitMq:Password", node.Password);
        }
    }
}

public sealed class BrokerOutageTests(BrokerOutage outage) : IClassFixture<BrokerOutage>
{
    [Fact]
    public async Task With_the_broker_stopped_a_grant_still_succeeds_and_its_event_arrives_once_after_the_broker_is_back()
    {
        // The path works before the outage.
        var before = NewSubject();
        using var client = outage.Host.ClientFor("YoungCarer", subjectId: before);
        var first = await client.GrantedAsync(GrantBody(before));
        await outage.Events.WaitForAsync<ConsentGranted>(e => e.ConsentId == first.Id, timeout: TimeSpan.FromSeconds(60));

        await outage.Node.StopAsync();
        var subject = NewSubject();
        using var carer = outage.Host.ClientFor("YoungCarer", subjectId: subject);
        using var response = await carer.GrantAsync(GrantBody(subject));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var consent = await response.ConsentAsync();
        await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
        Assert.Empty(outage.Events.All<ConsentGranted>(e => e.ConsentId == consent.Id));
        // The service itself saw the broker gone, not just the test consumer.
        var health = await outage.Host.Services.GetRequiredService<HealthCheckService>()
            .CheckHealthAsync(c => c.Name == "rabbitmq", TestContext.Current.CancellationToken);
        Assert.NotEqual(HealthStatus.Healthy, health.Status);

        await outage.Node.StartAgainAsync();

        var arrived = await outage.Events.WaitForAsync<ConsentGranted>(e => e.ConsentId == consent.Id, timeout: TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var all = outage.Events.All<ConsentGranted>(e => e.ConsentId == consent.Id);
        Assert.Single(all.Select(m => m.Message.EventId).Distinct());
        Assert.Equal(arrived[0].Message.EventId, arrived[0].MessageId);
        Assert.Equal(subject, arrived[0].Message.SubjectId);
    }
}
