using System.Collections.Concurrent;
using ConsentPlatform.Contracts.Disclosure;
using MassTransit;

namespace ConsentPlatform.Disclosure.IntegrationTests.Support;

/// <summary>What a test consumer on the broker received, with each message's id, for tests to wait on.</summary>
public sealed class EventInbox
{
    private readonly ConcurrentQueue<(Guid? MessageId, object Message)> received = new();

    public Task Add<T>(ConsumeContext<T> context) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        received.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public IReadOnlyList<(Guid? MessageId, T Message)> All<T>(Func<T, bool> predicate) =>
        [.. received.Where(r => r.Message is T m && predicate(m)).Select(r => (r.MessageId, (T)r.Message))];

    public IReadOnlyList<object> AllMessages => [.. received.Select(r => r.Message)];

    public async Task<IReadOnlyList<(Guid? MessageId, T Message)>> WaitForAsync<T>(Func<T, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var matches = All(predicate);
            if (matches.Count >= count) return matches;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{matches.Count} of {count} {typeof(T).Name} message(s) arrived in time.");
            await Task.Delay(100);
        }
    }

    /// <summary>A bus outside the services, on their virtual host, receiving every published disclosure event.</summary>
    public async Task<IBusControl> ListenAsync(ConsentPlatform.TestSupport.Infrastructure.IsolatedVirtualHost vhost)
    {
        ArgumentNullException.ThrowIfNull(vhost);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(vhost.Host, vhost.Port, vhost.Name, h =>
            {
                h.Username(vhost.Username);
                h.Password(vhost.Password);
            });
            cfg.ReceiveEndpoint("disclosure-integration-tests", e =>
            {
                e.Handler<DisclosureRequested>(Add);
                e.Handler<DisclosureApproved>(Add);
                e.Handler<DisclosureDenied>(Add);
                e.Handler<DisclosureAwaitingOverrideApproval>(Add);
                e.Handler<SafeguardingOverrideApproved>(Add);
                e.Handler<DisclosureReleased>(Add);
                e.Handler<DisclosureReleaseRefused>(Add);
                e.Handler<PackageRead>(Add);
                e.Handler<PackageReadRefused>(Add);
                e.Handler<PackagePurged>(Add);
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return bus;
    }
}
