namespace ConsentPlatform.Disclosure.IntegrationTests.Support;

public static class DisclosureEventListener
{
    /// <summary>A bus outside the services, on their virtual host, putting every published disclosure event in <paramref name="inbox"/>.</summary>
    public static async Task<IBusControl> ListenAsync(EventInbox inbox, IsolatedVirtualHost vhost)
    {
        ArgumentNullException.ThrowIfNull(inbox);
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
                e.Handler<DisclosureRequested>(inbox.Add);
                e.Handler<DisclosureApproved>(inbox.Add);
                e.Handler<DisclosureDenied>(inbox.Add);
                e.Handler<DisclosureAwaitingOverrideApproval>(inbox.Add);
                e.Handler<SafeguardingOverrideApproved>(inbox.Add);
                e.Handler<DisclosureReleased>(inbox.Add);
                e.Handler<DisclosureReleaseRefused>(inbox.Add);
                e.Handler<PackageRead>(inbox.Add);
                e.Handler<PackageReadRefused>(inbox.Add);
                e.Handler<PackagePurged>(inbox.Add);
                e.Handler<DisclosureBlocked>(inbox.Add);
                e.Handler<PackageDestroyed>(inbox.Add);
                e.Handler<DeletionRequested>(inbox.Add);
                e.Handler<DeletionAnswered>(inbox.Add);
            });
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await bus.StartAsync(timeout.Token);
        return bus;
    }
}
