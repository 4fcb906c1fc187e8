namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// A background job that, every <c>interval</c>, finds the streams whose time has come
/// (<see cref="Due"/>) and changes each in a session of its own (<see cref="SweepOneAsync"/>). Safe
/// on several instances: a stream changed meanwhile loses nothing, the next pass judges it again. A
/// failed pass is logged and the job runs again at the next interval.
/// </summary>
public abstract class StreamSweeper<TState>(IDocumentStore store, TimeProvider clock, TimeSpan interval) : BackgroundService
    where TState : class
{
    /// <summary>One pass; returns how many streams it changed.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        IReadOnlyList<Guid> due;
        await using (var query = store.QuerySession())
        {
            due = await Due(query, now).ToListAsync(cancellationToken);
        }

        var changed = 0;
        foreach (var id in due)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<TState>(id, cancellationToken);
            if (stream.Aggregate is { } state && await SweepOneAsync(session, stream, state, now, cancellationToken)) changed++;
        }

        return changed;
    }

    /// <summary>The ids of the streams to look at now.</summary>
    protected abstract IQueryable<Guid> Due(IQuerySession query, DateTimeOffset now);

    /// <summary>Changes one stream (loaded for writing) and saves; true when it did.</summary>
    protected abstract Task<bool> SweepOneAsync(IDocumentSession session, IEventStream<TState> stream, TState state, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Logs a pass that changed <paramref name="count"/> streams (more than none).</summary>
    protected abstract void LogSwept(int count);

    /// <summary>Logs a pass that failed.</summary>
    protected abstract void LogFailed(Exception exception);

    /// <summary>Appends <paramref name="events"/> and saves; false for no event, or for a race lost to another change.</summary>
    protected static async Task<bool> AppendAsync(IDocumentSession session, IEventStream<TState> stream, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return false;
        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (ConcurrencyException)
        {
            // Changed meanwhile: the next pass looks again.
            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                var changed = await SweepAsync(stoppingToken);
                if (changed > 0) LogSwept(changed);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested && e is not OutOfMemoryException)
            {
                LogFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
