namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// What every disclosure endpoint is handed besides its route, query, body and stores: the token, the
/// clock and the request's cancellation. Bound with <c>[AsParameters]</c>, so none of it is in the
/// OpenAPI document (as none of it was as separate parameters).
/// </summary>
public readonly record struct DisclosureCall(ClaimsPrincipal User, TimeProvider Clock, CancellationToken CancellationToken)
{
    /// <summary>
    /// The first steps of a change with a body: 403 for a token that cannot act, then every bad field
    /// at once (400, before anything is read): <paramref name="bind"/> makes the command of the caller
    /// and the time, or adds to the errors. The caller, and the command or the refusal.
    /// </summary>
    public (Caller Caller, TCommand? Command, Refusal? Refusal) Bind<TCommand>(Func<FieldErrors, Caller, DateTimeOffset, TCommand?> bind)
        where TCommand : class
    {
        ArgumentNullException.ThrowIfNull(bind);
        var caller = Caller.From(User);
        if (DisclosureAccess.Unidentified(caller) is { } unidentified) return (caller, null, unidentified);
        var errors = new FieldErrors();
        var command = bind(errors, caller, Clock.GetUtcNow());
        return (caller, command, errors.Refusal);
    }
}
