namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// What a service says of one kind of stream when it changes one: its name in the problems a
/// change is refused with, how its state is folded, and the service's own checks. Everything else
/// about a change (<see cref="StreamChanges.DecideAsync{TState}"/>) is the same in every service.
/// </summary>
public sealed record StreamKind<TState>(Func<Guid, string> NameOf, Func<TState?, object, TState?> Evolve, Func<TState, long> VersionOf)
    where TState : class
{
    /// <summary>The state of a stream that has no events yet (the tenant registry starts empty); without it such a stream is 404.</summary>
    public Func<TState>? Empty { get; init; }

    /// <summary>The 404 for a stream that does not exist (or that the caller may not know exists).</summary>
    public Func<Guid, DomainException> NotFound { get; init; } = id => new NotFoundException($"{id} does not exist.");

    /// <summary>
    /// A race lost to another writer is 412 when the caller sent <c>If-Match</c> (the version they
    /// named is gone) and 409 otherwise; a kind that has always answered 409 to both keeps doing so.
    /// </summary>
    public bool RaceWithIfMatchIsConflict { get; init; }

    /// <summary>Whatever else a failed save can mean for this kind (a unique index's refusal), or null.</summary>
    public Func<Exception, DomainException?>? SaveRefusal { get; init; }
}

/// <summary>
/// The one way an existing stream changes: load it for writing and fold it, let the service check
/// who may change it, check the caller's expected version, let a pure decision produce the events,
/// append them and save with Marten's optimistic check, so that a concurrent change is refused
/// (409, or 412 against an <c>If-Match</c>) rather than overwritten. No event: nothing is written.
/// </summary>
public static class StreamChanges
{
    /// <param name="expectedVersion">The caller's <c>If-Match</c> (<see cref="Api.IfMatch"/>), or null for any version.</param>
    /// <param name="guard">
    /// Who may change it, a refusal or null: runs before the version is compared, so a caller who may
    /// not see the stream learns nothing from a 412.
    /// </param>
    /// <param name="alongside">What else must change in the same transaction, given the new state, or why the change is refused after all (nothing is saved).</param>
    /// <returns>The stream's state after the change, or the refusal; a refusal wrote nothing.</returns>
    public static async Task<StreamChange<TState>> DecideAsync<TState>(
        IDocumentSession session,
        StreamKind<TState> kind,
        Guid streamId,
        long? expectedVersion,
        Func<TState, Decision> decide,
        CancellationToken cancellationToken,
        Func<TState, CancellationToken, Task<Refusal?>>? guard = null,
        Func<TState, CancellationToken, Task<Refusal?>>? alongside = null)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(decide);
        var stream = await session.Events.FetchForWriting<TState>(streamId, cancellationToken);
        var state = stream.Aggregate ?? kind.Empty?.Invoke();
        if (state is null) return Refusal.From(kind.NotFound(streamId));
        if (guard is not null && await guard(state, cancellationToken) is { } forbidden) return forbidden;
        var version = kind.VersionOf(state);
        if (expectedVersion is { } expected && expected != version)
        {
            return Refusal.PreconditionFailed($"{kind.NameOf(streamId)} is at version {version}, not {expected}: read it again before changing it.");
        }

        var decision = decide(state);
        if (decision.Refusal is { } refusal) return refusal;
        var events = decision.Events;
        if (events.Count == 0) return state;
        stream.AppendMany(events);
        var changed = events.Aggregate(state, (s, e) => kind.Evolve(s, e)!);
        if (alongside is not null && await alongside(changed, cancellationToken) is { } refusedAlongside) return refusedAlongside;
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        // The kind's own reading first: a unique index's refusal can come wrapped as a concurrency error.
        catch (Exception e) when (kind.SaveRefusal?.Invoke(e) is { } saveRefusal)
        {
            return Refusal.From(saveRefusal);
        }
        catch (ConcurrencyException)
        {
            return expectedVersion is null || kind.RaceWithIfMatchIsConflict
                ? Refusal.Conflict($"{kind.NameOf(streamId)} was changed by someone else at the same time: read it again and retry.")
                : Refusal.PreconditionFailed($"{kind.NameOf(streamId)} was changed by someone else: read it again before changing it.");
        }

        return changed;
    }
}

/// <summary>What <see cref="StreamChanges.DecideAsync{TState}"/> did: the state after the change, or why it refused.</summary>
public readonly struct StreamChange<TState>
    where TState : class
{
    private readonly TState? state;

    private StreamChange(TState? state, Refusal? refusal)
    {
        this.state = state;
        Refusal = refusal;
    }

    public Refusal? Refusal { get; }

    /// <summary>The state after the change; throws for a refused change.</summary>
    public TState State => Refusal is null && state is not null
        ? state
        : throw new InvalidOperationException("A refused change has no state.");

    public static implicit operator StreamChange<TState>(TState state) => new(state ?? throw new ArgumentNullException(nameof(state)), null);

    public static implicit operator StreamChange<TState>(Refusal refusal) => new(null, refusal ?? throw new ArgumentNullException(nameof(refusal)));
}
