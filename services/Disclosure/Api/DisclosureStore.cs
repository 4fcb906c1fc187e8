namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// A disclosure's stream for <see cref="StreamChanges"/>; and, for the changes with more than a pure
/// decision between load and save (a release asks other services, a package read decrypts), loading
/// it and saving the change with Marten's optimistic check. Every refusal is a value (ADR 0016).
/// </summary>
public static class DisclosureStore
{
    public static readonly StreamKind<DisclosureState> Kind = new(_ => "The disclosure", DisclosureEvolution.Evolve, d => d.Version)
    {
        NotFound = id => DisclosureAccess.NotFound(id).ToException(),
    };

    /// <summary>
    /// A change that is one pure decision over the disclosure, after <paramref name="mayNot"/> (who
    /// may make it: a refusal or null), answered as the disclosure after it.
    /// </summary>
    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> ChangeAsync(
        IDocumentSession session, Guid id, Func<DisclosureState, Refusal?> mayNot, Func<DisclosureState, Decision> decide, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mayNot);
        var change = await StreamChanges.DecideAsync(
            session, Kind, id, expectedVersion: null, decide, cancellationToken, guard: (state, _) => Task.FromResult(mayNot(state)));
        if (change.Refusal is { } refused) return refused;
        return TypedResults.Ok(DisclosureResponse.From(change.State));
    }

    /// <summary>
    /// The disclosure's stream for writing, or why not: 404 when it does not exist, else
    /// <paramref name="mayNot"/>'s refusal (who may act on it).
    /// </summary>
    public static async Task<(IEventStream<DisclosureState> Stream, Refusal? Refusal)> LoadAsync(
        IDocumentSession session, Guid id, Func<DisclosureState, Refusal?> mayNot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(mayNot);
        var stream = await session.Events.FetchForWriting<DisclosureState>(id, cancellationToken);
        return (stream, stream.Aggregate is { } state ? mayNot(state) : DisclosureAccess.NotFound(id));
    }

    /// <summary>Appends and commits; a concurrent change to the same disclosure is refused (409), never overwritten.</summary>
    public static async Task<StreamChange<DisclosureState>> SaveAsync(IDocumentSession session, IEventStream<DisclosureState> stream, IReadOnlyList<object> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(stream);
        stream.AppendMany(events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return Refusal.Conflict("The disclosure changed while this request was handled; read it again and retry.");
        }

        return DisclosureEvolution.Fold(events, stream.Aggregate)!;
    }
}
