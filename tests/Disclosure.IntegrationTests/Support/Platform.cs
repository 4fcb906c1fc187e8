namespace ConsentPlatform.Disclosure.IntegrationTests.Support;

/// <summary>
/// The real consent, DSA registry and disclosure services in process, sharing one fresh RabbitMQ
/// virtual host (each on its own fresh database), plus a test bus receiving the published
/// disclosure events. One for the whole assembly: tests use their own organisations and subjects.
/// </summary>
public sealed class Platform : IAsyncLifetime
{
    private IsolatedVirtualHost? vhost;
    private IBusControl? bus;

    public ConsentHost Consent { get; private set; } = default!;
    public RegistryHost Registry { get; private set; } = default!;
    public DisclosureHost Disclosure { get; private set; } = default!;
    public LogCapture Logs { get; } = new();
    public ShiftableClock Clock { get; } = new();
    public EventInbox Events { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var infrastructure = await PlatformInfrastructure.GetAsync();
        vhost = await IsolatedVirtualHost.CreateAsync(infrastructure, "disclosure-suite");
        Consent = new ConsentHost(vhost);
        Registry = new RegistryHost(vhost);
        Disclosure = new DisclosureHost(vhost, Logs, Clock);
        await Task.WhenAll(Consent.InitializeAsync().AsTask(), Registry.InitializeAsync().AsTask(), Disclosure.InitializeAsync().AsTask());
        bus = await DisclosureEventListener.ListenAsync(Events, vhost);
    }

    public async ValueTask DisposeAsync()
    {
        if (bus is not null) await bus.StopAsync();
        await Disclosure.DisposeAsync();
        await Registry.DisposeAsync();
        await Consent.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }
}

/// <summary>The disclosure and DSA registry services only: no consent service answers on this virtual host.</summary>
public sealed class PlatformWithoutConsent : IAsyncLifetime
{
    private IsolatedVirtualHost? vhost;

    public RegistryHost Registry { get; private set; } = default!;
    public DisclosureHost Disclosure { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var infrastructure = await PlatformInfrastructure.GetAsync();
        vhost = await IsolatedVirtualHost.CreateAsync(infrastructure, "disclosure-noconsent");
        Registry = new RegistryHost(vhost);
        Disclosure = new DisclosureHost(vhost, new LogCapture(), new ShiftableClock());
        await Task.WhenAll(Registry.InitializeAsync().AsTask(), Disclosure.InitializeAsync().AsTask());
    }

    public async ValueTask DisposeAsync()
    {
        await Disclosure.DisposeAsync();
        await Registry.DisposeAsync();
        if (vhost is not null) await vhost.DisposeAsync();
    }
}
