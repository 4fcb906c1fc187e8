// What every change of one consent over HTTP answers (ConsentChanges.AnswerAsync): the consent,
// or a refusal of one of these kinds.
global using ConsentChangeOutcome = ConsentPlatform.Hosting.Problems.Outcome<
    Microsoft.AspNetCore.Http.HttpResults.Ok<ConsentPlatform.Consent.Api.ConsentResponse>,
    ConsentPlatform.Hosting.Problems.Refused.Invalid,
    ConsentPlatform.Hosting.Problems.Refused.Forbidden,
    ConsentPlatform.Hosting.Problems.Refused.NotFound,
    ConsentPlatform.Hosting.Problems.Refused.Conflict,
    ConsentPlatform.Hosting.Problems.Refused.PreconditionFailed,
    ConsentPlatform.Hosting.Problems.Refused.CheckUnavailable>;

namespace ConsentPlatform.Consent.Api;

/// <summary>
/// A consent's stream for <see cref="StreamChanges"/>: the one way an existing consent changes,
/// hidden from a caller who may not see it, and the one-live index's refusal a 409.
/// </summary>
public static class ConsentChanges
{
    public static readonly StreamKind<ConsentState> Kind = new(_ => "The consent", ConsentEvolution.Evolve, c => c.Version)
    {
        NotFound = ConsentAccess.NotFound,
        SaveRefusal = e => IsUniqueViolation(e)
            // Only an acceptance makes a consent live: another live one for its subject and purpose committed first.
            ? new ConflictException("A live consent for this subject and purpose was recorded while this request was handled: stop it before accepting another.")
            : null,
    };

    /// <summary>
    /// Decide a change of one existing consent and append it: the refusal comes back, and nothing
    /// was written. The visibility guard's 404 is a refusal too.
    /// </summary>
    /// <param name="alongside">Whatever else must change in the same transaction (an acceptance records a lapsed live consent's expiry).</param>
    public static Task<StreamChange<ConsentState>> DecideAsync(
        IDocumentSession session,
        Guid consentId,
        long? expectedVersion,
        Caller caller,
        ConsentVisibility visibility,
        Func<ConsentState, Decision> decide,
        CancellationToken cancellationToken,
        Func<ConsentState, CancellationToken, Task<Refusal?>>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(visibility);
        return StreamChanges.DecideAsync(
            session, Kind, consentId, expectedVersion, decide, cancellationToken,
            guard: (consent, ct) => visibility.RefusalUnlessVisibleAsync(caller, consent, ct),
            alongside: alongside);
    }

    /// <summary>
    /// The one answer of a change to one consent over HTTP (pause, withdraw, resume, decline, confirm,
    /// accept): the request's bad fields with a malformed <c>If-Match</c> (400), a token that acts for
    /// no one (403), then <see cref="DecideAsync"/> (404, 409, 412), and the consent with its new ETag.
    /// A practitioner whose tie to it the DSA registry did not confirm in time gets 503 (fail closed).
    /// </summary>
    /// <param name="decide">The slice's pure decision, given the caller as the events' actor, the time and the consent.</param>
    public static async Task<ConsentChangeOutcome> AnswerAsync(
        ConsentChangeRequest change,
        FieldErrors errors,
        Func<EventActor, DateTimeOffset, ConsentState, Decision> decide)
    {
        var (answer, refusal) = await ChangeAsync(change, errors, decide);
        if (refusal is not null) return refusal;
        return answer!;
    }

    /// <summary>
    /// <see cref="AnswerAsync(ConsentChangeRequest, FieldErrors, Func{EventActor, DateTimeOffset, ConsentState, Decision})"/>
    /// for an endpoint that declares its own kinds of refusal (an acceptance): the consent's 200, or the refusal.
    /// </summary>
    /// <param name="alongside">Whatever else must change in the same transaction, given the new state and the time.</param>
    public static async Task<(Ok<ConsentResponse>? Answer, Refusal? Refusal)> ChangeAsync(
        ConsentChangeRequest change,
        FieldErrors errors,
        Func<EventActor, DateTimeOffset, ConsentState, Decision> decide,
        Func<ConsentState, DateTimeOffset, CancellationToken, Task<Refusal?>>? alongside = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(decide);
        var expected = IfMatch.ExpectedVersion(errors, change.IfMatchTag, "consent", takesWeakTags: true);
        if (errors.Refusal is { } invalid) return (null, invalid);
        if (ConsentAccess.Unidentified(change.User, out var caller) is { } unidentified) return (null, unidentified);

        var now = change.Clock.GetUtcNow();
        var actor = EventActors.ActorOf(caller);
        var changed = await DecideAsync(
            change.Session, change.Id, expected, caller, change.Visibility, state => decide(actor, now, state), change.CancellationToken,
            alongside is null ? null : (state, ct) => alongside(state, now, ct));
        if (changed.Refusal is { } refused) return (null, refused);
        change.Response.SetETag(changed.State.Version);
        return (TypedResults.Ok(ConsentResponse.From(changed.State, now)), null);
    }

    /// <summary>
    /// <see cref="AnswerAsync(ConsentChangeRequest, FieldErrors, Func{EventActor, DateTimeOffset, ConsentState, Decision})"/>
    /// of a change whose body is an optional reason (pause, withdraw, decline): at most 500 characters,
    /// blank counts as none, and required of a caller for whom <paramref name="reasonRequired"/> says so.
    /// </summary>
    /// <param name="decide">The slice's pure decision, given the actor, the reason, the time and the consent.</param>
    public static Task<ConsentChangeOutcome> AnswerAsync(
        ConsentChangeRequest change,
        string? reason,
        Func<Caller, bool> reasonRequired,
        Func<EventActor, string?, DateTimeOffset, ConsentState, Decision> decide)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(reasonRequired);
        ArgumentNullException.ThrowIfNull(decide);
        var errors = new FieldErrors();
        var given = ConsentRules.Reason(errors, reason, required: reasonRequired(Caller.From(change.User)));
        return AnswerAsync(change, errors, (actor, now, state) => decide(actor, given, now, state));
    }

    /// <summary>The 201 of a consent's new stream (a grant, a proposal): the consent its first events make, and its ETag.</summary>
    public static Created<ConsentResponse> Started(IReadOnlyList<object> events, DateTimeOffset now, HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var consent = ConsentEvolution.Fold(events)!;
        response.SetETag(consent.Version);
        return TypedResults.Created($"/api/consents/{consent.Id}", ConsentResponse.From(consent, now));
    }

    /// <summary>PostgreSQL refused a row that a unique index forbids (here: a second live consent).</summary>
    public static bool IsUniqueViolation(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } or DocumentAlreadyExistsException) return true;
        }

        return false;
    }
}

/// <summary>What every change of one consent is handed (<c>[AsParameters]</c>): the consent's id, the caller's <c>If-Match</c>, and the services the change uses.</summary>
public sealed class ConsentChangeRequest
{
    public Guid Id { get; init; }

    [FromHeader(Name = Hosting.Api.IfMatch.Header)]
    public string? IfMatchTag { get; init; }

    public ClaimsPrincipal User { get; init; } = null!;

    public IDocumentSession Session { get; init; } = null!;

    public ConsentVisibility Visibility { get; init; } = null!;

    public TimeProvider Clock { get; init; } = null!;

    public HttpResponse Response { get; init; } = null!;

    public CancellationToken CancellationToken { get; init; }
}
