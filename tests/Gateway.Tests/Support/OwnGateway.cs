namespace ConsentPlatform.Gateway.Tests.Support;

/// <summary>
/// A test class whose every test gets a gateway of its own, started with <paramref name="setup"/>
/// before the test and stopped after it: for settings no other test may share (limits, a mode).
/// </summary>
public abstract class OwnGateway(GatewaySetup setup) : IAsyncLifetime
{
    protected OwnGateway(IReadOnlyDictionary<string, string?> settings)
        : this(new GatewaySetup { Settings = settings })
    {
    }

    protected GatewayHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await GatewayHost.StartAsync(setup);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
