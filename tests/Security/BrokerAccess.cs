namespace ConsentPlatform.Security.Tests;

/// <summary>The running platform's broker as a service's own user sees it, and as its administrator manages it.</summary>
internal static class BrokerAccess
{
    /// <summary>An AMQP connection with the very user and password the service was given.</summary>
    public static async Task<IConnection> ConnectAsAsync(this PlatformProcesses platform, string service)
    {
        var user = platform.BrokerUsers[service];
        var factory = new ConnectionFactory
        {
            HostName = platform.Broker.Host,
            Port = platform.Broker.Port,
            VirtualHost = platform.Broker.VirtualHost,
            UserName = user.User,
            Password = user.Password,
            ClientProvidedName = $"security-suite as {user.User}",
        };
        return await factory.CreateConnectionAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>The management API as the administrator; paths start with <c>api/</c>.</summary>
    public static HttpClient Management(this PlatformProcesses platform) =>
        IsolatedVirtualHost.ManagementClient(platform.Infrastructure.RabbitMqManagement);

    /// <summary>The platform's virtual host, escaped for a management API path.</summary>
    public static string VirtualHostPath(this PlatformProcesses platform) => Uri.EscapeDataString(platform.Broker.VirtualHost);
}
