namespace ConsentPlatform.Disclosure.Requesting;

/// <summary>
/// Group commit of new decisions (issue 23): decisions that finish while another commit is on its way
/// are appended together, in one Marten session and one synchronous commit, so the commit's price (a
/// round trip, a WAL flush) is paid once per group instead of once per decision. A lone decision
/// commits at once, as before (the same <see cref="CheckBatcher{TCheck, TAnswer}"/> as the live
/// checks: no timer, one commit in flight, the next group leaves when it returns).
/// <para>
/// Each decision is a new stream whose optimistic concurrency still holds inside the group. If the
/// group's commit fails, nothing of it was written (one transaction) and each decision is committed
/// again alone: only the one that fails alone fails its request (<see cref="CommitTogetherAsync{T}"/>).
/// </para>
/// </summary>
public sealed class GroupCommit
{
    /// <summary>At most this many decisions in one commit.</summary>
    public const int MaxGroup = 64;

    private readonly IDocumentStore store;
    private readonly CheckBatcher<NewDecision, Exception?> batcher;

    public GroupCommit(IDocumentStore store)
    {
        this.store = store;
        batcher = new CheckBatcher<NewDecision, Exception?>(decisions => CommitTogetherAsync(decisions, CommitAsync), MaxGroup, maxBatchesInFlight: 1);
    }

    /// <summary>Starts the decision's stream with its events; returns once they are committed, or throws what its commit threw.</summary>
    public async Task StartStreamAsync(Guid disclosureId, IReadOnlyList<object> events)
    {
        var failure = await batcher.AskAsync(new NewDecision(disclosureId, events, TraceContext.Current));
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    /// <summary>
    /// Commits the items together; if that fails and there was more than one, commits each alone, so
    /// that a failure is reported only for the items that fail by themselves (null: committed).
    /// </summary>
    public static async Task<IReadOnlyList<Exception?>> CommitTogetherAsync<T>(IReadOnlyList<T> items, Func<IReadOnlyList<T>, Task> commit)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(commit);
        try
        {
            await commit(items);
            return new Exception?[items.Count];
        }
        catch (Exception) when (items.Count > 1)
        {
            var results = new Exception?[items.Count];
            for (var i = 0; i < items.Count; i++)
            {
                try
                {
                    await commit([items[i]]);
                }
                catch (Exception alone)
                {
                    results[i] = alone;
                }
            }

            return results;
        }
    }

    private async Task CommitAsync(IReadOnlyList<NewDecision> decisions)
    {
        await using var session = store.LightweightSession();
        foreach (var decision in decisions)
        {
            // Each decision's events carry its own request's trace, whichever group they commit in.
            TraceContext.Stamp(session.Events.StartStream<DisclosureState>(decision.DisclosureId, decision.Events).Events, decision.TraceParent);
        }

        await session.SaveChangesAsync();
    }

    private sealed record NewDecision(Guid DisclosureId, IReadOnlyList<object> Events, string? TraceParent);
}
