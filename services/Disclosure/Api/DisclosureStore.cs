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
    /// A change with a body that is one pure decision over the disclosure: the caller and the command
    /// of <see cref="DisclosureCall.Bind"/> (403, then 400 before anything is read), then the change
    /// above, with who may make it (<paramref name="mayNot"/>) and the decision.
    /// </summary>
    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> ChangeAsync<TCommand>(
        IDocumentSession session,
        Guid id,
        DisclosureCall call,
        Func<FieldErrors, Caller, DateTimeOffset, TCommand?> bind,
        Func<Caller, DisclosureState, Refusal?> mayNot,
        Func<TCommand, DisclosureState, Decision> decide)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(mayNot);
        ArgumentNullException.ThrowIfNull(decide);
        var (caller, command, refusal) = call.Bind(bind);
        if (refusal is not null) return refusal;
        return await ChangeAsync(session, id, state => mayNot(caller, state), state => decide(command!, state), call.CancellationToken);
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

    /// <summary>
    /// For a change with more than a pure decision: the caller (403 for a token that cannot act) and
    /// the disclosure's stream for writing, or <see cref="LoadAsync(IDocumentSession, Guid, Func{DisclosureState, Refusal?}, CancellationToken)"/>'s refusal
    /// with who may act on it (<paramref name="mayNot"/>).
    /// </summary>
    public static async Task<(Caller Caller, IEventStream<DisclosureState> Stream, Refusal? Refusal)> LoadAsync(
        IDocumentSession session, Guid id, DisclosureCall call, Func<Caller, DisclosureState, Refusal?> mayNot)
    {
        ArgumentNullException.ThrowIfNull(mayNot);
        var caller = Caller.From(call.User);
        if (DisclosureAccess.Unidentified(caller) is { } unidentified) return (caller, null!, unidentified);
        var (stream, refusal) = await LoadAsync(session, id, state => mayNot(caller, state), call.CancellationToken);
        return (caller, stream, refusal);
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
