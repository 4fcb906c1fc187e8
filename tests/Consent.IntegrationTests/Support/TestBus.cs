using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.TestSupport.Messaging;
using MassTransit;

namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>
/// A second bus, outside the service, on the same broker and virtual host: it receives the five
/// published consent events on a durable queue of its own and asks <see cref="CheckConsent"/> as
/// the disclosure service will.
/// </summary>
public static class TestBus
{
    public static async Task<IBusControl> StartAsync(string host, ushort port, string virtualHost, string username, string password, string queue, EventInbox inbox)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(host, port, virtualHost, h =>
            {
                h.Username(username);
                h.Password(password);
            });
            cfg.ReceiveEndpoint(queue, e =>
            {
                e.Handler<ConsentGranted>(inbox.Add);
                e.Handler<ConsentPaused>(inbox.Add);
                e.Handler<ConsentResumed>(inbox.Add);
                e.Handler<ConsentWithdrawn>(inbox.Add);
                e.Handler<ConsentExpired>(inbox.Add);
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return bus;
    }
}
