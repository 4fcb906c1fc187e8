namespace ConsentPlatform.Gateway.Tests.Support;

/// <summary>A local-mode gateway with four healthy fake services, shared by the tests of one class.</summary>
public sealed class LocalGateway : IAsyncLifetime
{
    public GatewayHost Host { get; private set; } = null!;

    public async ValueTask InitializeAsync() => Host = await GatewayHost.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}
