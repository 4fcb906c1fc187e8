[assembly: AssemblyFixture(typeof(RegistryFixture))]

namespace ConsentPlatform.DsaRegistry.IntegrationTests.Support;

/// <summary>
/// One registry host for the whole run, plus a second bus on its virtual host that stands for
/// the other services: it sends scope checks from outside and records every DSA event the
/// registry publishes. Tests stay independent by using organisation ids of their own.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    private readonly ConcurrentQueue<(IPlatformEvent Event, Guid? MessageId)> published = new();
    private IBusControl? bus;

    public ServiceHost<DsaRegistryEntryPoint> Host { get; } = new();

    public IBus Bus => bus ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        await Host.InitializeAsync();
        var vhost = Host.VirtualHost;
        bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(vhost.Host, vhost.Port, vhost.Name, h =>
            {
                h.Username(vhost.Username);
                h.Password(vhost.Password);
            });
            cfg.ReceiveEndpoint("dsa-registry-tests-published", e =>
            {
                // One message at a time: the queue holds them in publish order, and concurrent
                // consumption would record them out of it on a busy machine.
                e.PrefetchCount = 1;
                e.ConcurrentMessageLimit = 1;
                Record<DsaDrafted>(e);
                Record<DsaAmended>(e);
                Record<DsaActivated>(e);
                Record<DsaSuspended>(e);
                Record<DsaReinstated>(e);
                Record<DsaTerminated>(e);
                Record<DsaSigned>(e);
            });
        });
        await bus.StartAsync(TestContext.Current.CancellationToken);
    }

    private void Record<T>(IReceiveEndpointConfigurator endpoint) where T : class, IPlatformEvent =>
        endpoint.Handler<T>(ctx =>
        {
            published.Enqueue((ctx.Message, ctx.MessageId));
            return Task.CompletedTask;
        });

    /// <summary>The published events of one DSA, in arrival order, once <paramref name="count"/> have arrived.</summary>
    public async Task<IReadOnlyList<(IPlatformEvent Event, Guid? MessageId)>> PublishedForAsync(Guid dsaId, int count, TimeSpan timeout)
    {
        using var deadline = new CancellationTokenSource(timeout);
        while (true)
        {
            var mine = published.Where(p => DsaIdOf(p.Event) == dsaId).ToList();
            if (mine.Count >= count || deadline.IsCancellationRequested) return mine;
            await Task.Delay(100, CancellationToken.None);
        }
    }

    public async Task<DsaScopeResult> CheckScopeAsync(CheckDsaScope request)
    {
        var client = Bus.CreateRequestClient<CheckDsaScope>(RequestTimeout.After(s: 15));
        var response = await client.GetResponse<DsaScopeResult>(request, TestContext.Current.CancellationToken);
        return response.Message;
    }

    public async Task<DsaPartyResult> CheckPartyAsync(CheckDsaParty request)
    {
        var client = Bus.CreateRequestClient<CheckDsaParty>(RequestTimeout.After(s: 15));
        var response = await client.GetResponse<DsaPartyResult>(request, TestContext.Current.CancellationToken);
        return response.Message;
    }

    public async Task<PurposeExplanation> ExplainAsync(ExplainConsentPurpose request)
    {
        var client = Bus.CreateRequestClient<ExplainConsentPurpose>(RequestTimeout.After(s: 15));
        var response = await client.GetResponse<PurposeExplanation>(request, TestContext.Current.CancellationToken);
        return response.Message;
    }

    /// <summary>The tenant registry as every process asks for it (issue 18).</summary>
    public async Task<OnboardedTenantList> ListTenantsAsync()
    {
        var client = Bus.CreateRequestClient<ListOnboardedTenants>(RequestTimeout.After(s: 15));
        var response = await client.GetResponse<OnboardedTenantList>(new ListOnboardedTenants(), TestContext.Current.CancellationToken);
        return response.Message;
    }

    private static Guid DsaIdOf(IPlatformEvent e) => e switch
    {
        DsaDrafted d => d.DsaId,
        DsaAmended d => d.DsaId,
        DsaActivated d => d.DsaId,
        DsaSuspended d => d.DsaId,
        DsaReinstated d => d.DsaId,
        DsaTerminated d => d.DsaId,
        DsaSigned d => d.DsaId,
        _ => Guid.Empty,
    };

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.StopAsync(CancellationToken.None);
        await Host.DisposeAsync();
    }
}
