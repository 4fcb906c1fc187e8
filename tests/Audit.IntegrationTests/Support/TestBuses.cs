namespace ConsentPlatform.Audit.IntegrationTests.Support;

/// <summary>Buses outside the service, on its virtual host: they publish as the other services do.</summary>
public static class TestBuses
{
    public static async Task<IBusControl> StartAsync(IsolatedVirtualHost vhost)
    {
        ArgumentNullException.ThrowIfNull(vhost);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(vhost.Host, vhost.Port, vhost.Name, h =>
        {
            h.Username(vhost.Username);
            h.Password(vhost.Password);
        }));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return bus;
    }

    /// <summary>Publishes each event as its own contract type, with the event id as the message id (as BrokerForwardingSubscription does).</summary>
    public static async Task PublishAsync(IBus bus, IEnumerable<IPlatformEvent> events)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var e in events)
        {
            await bus.Publish(e, e.GetType(), ctx => ctx.MessageId = e.EventId, TestContext.Current.CancellationToken);
        }
    }
}
