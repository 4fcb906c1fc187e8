namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// Creates the ledger tables when the service starts, so that a verification (online or offline)
/// of a ledger without entries yet finds an empty, valid chain. If the database is not reachable
/// yet, the first append or query creates them instead.
/// </summary>
public sealed partial class LedgerSchemaInitializer(LedgerDatabase database, ILogger<LedgerSchemaInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await database.EnsureCreatedAsync(cancellationToken);
        }
        catch (Npgsql.NpgsqlException e)
        {
            LogDeferred(logger, e.GetType().Name);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ledger tables could not be created at start ({Error}); the first use will create them")]
    private static partial void LogDeferred(ILogger logger, string error);
}
