namespace ConsentPlatform.DsaRegistry.Api;

/// <summary>
/// A DSA's stream for <see cref="StreamChanges"/>: the one way a change reaches it, after the
/// check of who may govern it.
/// </summary>
public static class AgreementStore
{
    public static readonly StreamKind<Agreement> Kind = new(id => $"DSA {id}", AgreementEvolution.Evolve, a => a.Version)
    {
        NotFound = id => NotFound(id).ToException(),
    };

    /// <summary>The 404 of a DSA that does not exist, for a change and a read alike.</summary>
    public static Refusal NotFound(Guid id) => Refusal.NotFound($"DSA {id} does not exist.");

    /// <summary>
    /// Changes the DSA <paramref name="id"/> by <paramref name="decide"/>, for an endpoint that
    /// takes <c>If-Match</c>: 400 for a malformed one (before anything is read), then the refusals of
    /// <see cref="StreamChanges.DecideAsync{TState}"/> and of the decision; the DSA with its version
    /// as the <c>ETag</c> when it changed.
    /// </summary>
    public static async Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> ChangeAsync(
        IDocumentSession session,
        Guid id,
        string? ifMatch,
        EventActor actor,
        Func<Agreement, Decision> decide,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var expected = IfMatch.ExpectedVersion(errors, ifMatch, "DSA");
        if (errors.Refusal is { } invalid) return invalid;
        var change = await DecideAsync(session, id, expected, actor, decide, cancellationToken);
        if (change.Refusal is { } refused) return refused;
        return Respond(change.State, response);
    }

    /// <summary>
    /// Maps <c>POST</c> <paramref name="pattern"/>, an IG officer's change of the DSA <c>{id}</c> with no
    /// body (activation, reinstatement), through <see cref="ChangeAsync"/>; <paramref name="decide"/>
    /// makes the slice's decision of the id, the actor and the time.
    /// </summary>
    public static RouteGroupBuilder MapDsaChange(
        this RouteGroupBuilder group, string pattern, string name, Func<Guid, EventActor, DateTimeOffset, Func<Agreement, Decision>> decide) =>
        group.MapSlice(
            HttpMethods.Post,
            pattern,
            (Guid id, [FromHeader(Name = IfMatch.Header)] string? ifMatch, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
                ChangeAsync(session, id, ifMatch, user, clock, actor => decide(id, actor, clock.GetUtcNow()), response, cancellationToken),
            name,
            PlatformRoles.IgOfficer);

    /// <summary>As <see cref="MapDsaChange"/>, with the body <c>{reason}</c> (suspension, termination).</summary>
    public static RouteGroupBuilder MapDsaChangeForReason(
        this RouteGroupBuilder group, string pattern, string name, Func<Guid, string?, EventActor, DateTimeOffset, Func<Agreement, Decision>> decide) =>
        group.MapSlice(
            HttpMethods.Post,
            pattern,
            (Guid id, ReasonRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken) =>
                ChangeAsync(session, id, ifMatch, user, clock, actor => decide(id, body?.Reason, actor, clock.GetUtcNow()), response, cancellationToken),
            name,
            PlatformRoles.IgOfficer);

    private static Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> ChangeAsync(
        IDocumentSession session,
        Guid id,
        string? ifMatch,
        ClaimsPrincipal user,
        TimeProvider clock,
        Func<EventActor, Func<Agreement, Decision>> decide,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        var actor = EventActors.ActorOf(user);
        return ChangeAsync(session, id, ifMatch, actor, decide(actor), response, cancellationToken);
    }

    /// <summary>Load, check who may govern it (before the version, so a stranger learns nothing from a 412), decide, append.</summary>
    public static Task<StreamChange<Agreement>> DecideAsync(
        IDocumentSession session,
        Guid id,
        long? expectedVersion,
        EventActor actor,
        Func<Agreement, Decision> decide,
        CancellationToken cancellationToken) =>
        StreamChanges.DecideAsync(
            session, Kind, id, expectedVersion, decide, cancellationToken,
            guard: (state, _) => Task.FromResult(Governance.MayNotGovern(actor, state.Content)));

    /// <summary>The DSA as it stands now, its version the <c>ETag</c>.</summary>
    public static Ok<Dsa> Respond(Agreement state, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(state);
        response.SetETag(state.Version);
        return TypedResults.Ok(Dsa.From(state));
    }
}
