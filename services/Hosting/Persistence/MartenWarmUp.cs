namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// The store's own read path before the first request: a session, the connection pool, and the
/// event store's stream lookup, on a stream that does not exist (a read: nothing is written).
/// </summary>
public sealed class MartenWarmUp(IQuerySession session) : IWarmUpStep
{
    public string Name => "event store";

    public async Task RunOnceAsync(CancellationToken cancellationToken) =>
        await session.Events.FetchStreamStateAsync(Guid.Empty, cancellationToken);
}
