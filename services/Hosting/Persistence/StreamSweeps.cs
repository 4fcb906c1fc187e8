namespace ConsentPlatform.Hosting.Persistence;

/// <summary>What a sweeping job does to each stream it finds due (an expiry, the end of a delay).</summary>
public static class StreamSweeps
{
    /// <summary>
    /// The streams whose state <paramref name="due"/> finds (<paramref name="batchSize"/> at most),
    /// each changed by the job's pure <paramref name="decide"/> in its own session; returns how many
    /// changed. No event, no write. One changed meanwhile (by another instance, or by a person) loses
    /// the race here, and the next pass judges it again.
    /// </summary>
    public static async Task<int> ChangeEachAsync<TState>(
        this IDocumentStore store,
        Expression<Func<TState, bool>> due,
        Expression<Func<TState, Guid>> idOf,
        Func<TState, IReadOnlyList<object>> decide,
        CancellationToken cancellationToken,
        int batchSize = 200)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(decide);
        IReadOnlyList<Guid> ids;
        await using (var query = store.QuerySession())
        {
            ids = await query.Query<TState>().Where(due).Select(idOf).Take(batchSize).ToListAsync(cancellationToken);
        }

        return await store.ChangeEachAsync<TState>(ids, (session, stream, state) => session.AppendAndSaveAsync(stream, decide(state), cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Each of the streams <paramref name="ids"/> loaded for writing in a session of its own and given to
    /// <paramref name="change"/> (which saves, and says whether it did); returns how many changed. A stream
    /// that no longer exists is passed over.
    /// </summary>
    public static async Task<int> ChangeEachAsync<TState>(
        this IDocumentStore store,
        IEnumerable<Guid> ids,
        Func<IDocumentSession, IEventStream<TState>, TState, Task<bool>> change,
        CancellationToken cancellationToken)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(change);
        var changed = 0;
        foreach (var id in ids)
        {
            await using var session = store.LightweightSession();
            var stream = await session.Events.FetchForWriting<TState>(id, cancellationToken);
            if (stream.Aggregate is { } state && await change(session, stream, state)) changed++;
        }

        return changed;
    }

    /// <summary>
    /// Appends <paramref name="events"/> to a stream loaded for writing and saves; false for no event
    /// (nothing is written), or for a race lost to a change made meanwhile (the next pass judges it again).
    /// </summary>
    public static async Task<bool> AppendAndSaveAsync<TState>(this IDocumentSession session, IEventStream<TState> stream, IReadOnlyList<object> events, CancellationToken cancellationToken)
        where TState : class
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
            return false;
        }
    }
}
