namespace ConsentPlatform.Disclosure.Overriding;

public sealed record ApproveOverrideRequest(string? Rationale);

public static class ApproveOverrideEndpoint
{
    public static RouteGroupBuilder MapApproveOverride(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/approve-override", HandleAsync, "ApproveOverride", policy: DisclosurePolicies.SafeguardingLead);

    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id,
        ApproveOverrideRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        LiveChecks checks,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        if (DisclosureAccess.Unidentified(caller) is { } unidentified) return unidentified;
        var errors = new FieldErrors();
        var rationale = DisclosureRules.Text(errors, "rationale", request?.Rationale, required: true);
        if (errors.Refusal is { } invalid) return invalid;

        var now = clock.GetUtcNow();
        var command = new ApproveOverride(id, EventActors.ActorOf(caller), caller.Name, rationale!, now);
        // Who may, and whether it may be approved at all, before the live check is asked.
        var (stream, refusal) = await DisclosureStore.LoadAsync(
            session, id, state => DisclosureAccess.RefusalUnlessVisible(caller, state) ?? ApproveOverride.MayNotApprove(command, state), cancellationToken);
        if (refusal is not null) return refusal;
        var state = stream.Aggregate!;

        var answers = await checks.AskAsync(state.Request, now, cancellationToken);
        var decision = ApproveOverride.Decide(command, state, answers);
        if (decision.Refusal is { } refused) return refused;
        var after = await DisclosureStore.SaveAsync(session, stream, decision.Events, cancellationToken);
        if (after.Refusal is { } lost) return lost;
        return TypedResults.Ok(DisclosureResponse.From(after.State));
    }
}
