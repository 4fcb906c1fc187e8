namespace ConsentPlatform.Faults.Tests;

/// <summary>
/// The platform as separate processes on a broker node and (for the consent service) a
/// PostgreSQL cluster of the suite's own, so the suite can stop them without touching the
/// shared ones other suites use at the same time.
/// </summary>
public sealed class FaultPlatform : PlatformProcesses
{
    public PrivateRabbitMqNode BrokerNode { get; private set; } = default!;
    public PrivatePostgres ConsentDatabaseServer { get; private set; } = default!;

    protected override async Task<(BrokerSettings Administrator, ServiceBrokerUsers Users)> StartBrokerAsync()
    {
        BrokerNode = await PrivateRabbitMqNode.StartAsync();
        return (BrokerNode.Settings, await BrokerNode.AddServiceUsersAsync());
    }

    protected override async Task<string> DatabaseServerForAsync(string service)
    {
        if (service != "consent") return await base.DatabaseServerForAsync(service);
        ConsentDatabaseServer = await PrivatePostgres.StartAsync();
        return ConsentDatabaseServer.ServerConnectionString;
    }

    protected override async ValueTask DisposeInfrastructureAsync()
    {
        if (BrokerNode is not null) await BrokerNode.DisposeAsync();
        if (ConsentDatabaseServer is not null) await ConsentDatabaseServer.DisposeAsync();
    }
}
