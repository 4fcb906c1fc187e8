namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// A <see cref="PeriodicSweeper"/> that, every pass, finds the streams whose time has come
/// (<see cref="Due"/>) and changes each in a session of its own (<see cref="SweepOneAsync"/>). Safe
/// on several instances: a stream changed meanwhile loses nothing, the next pass judges it again.
/// </summary>
public abstract class StreamSweeper<TState>(IDocumentStore store, TimeProvider clock, TimeSpan interval, ILogger logger)
    : PeriodicSweeper(clock, logger)
    where TState : class
{
    public override TimeSpan Interval => interval;

    /// <summary>One pass; returns how many streams it changed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Clock.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await Due(query, now).ToListAsync(cancellationToken);
        }

        return await store.ChangeEachAsync<TState>(due, (session, stream, state) => SweepOneAsync(session, stream, state, now, cancellationToken), cancellationToken);
    }

    protected override async Task SweepPassAsync(CancellationToken cancellationToken)
    {
        var changed = await SweepAsync(cancellationToken);
        if (changed > 0) LogSwept(changed);
    }

    /// <summary>The ids of the streams to look at now.</summary>
    protected abstract IQueryable<Guid> Due(IQuerySession query, DateTimeOffset now);

    /// <summary>Changes one stream (loaded for writing) and saves; true when it did (<see cref="StreamSweeps.AppendAndSaveAsync{TState}"/>).</summary>
    protected abstract Task<bool> SweepOneAsync(IDocumentSession session, IEventStream<TState> stream, TState state, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Logs a pass that changed <paramref name="count"/> streams (more than none).</summary>
    protected abstract void LogSwept(int count);
}
