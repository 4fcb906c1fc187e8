namespace ConsentPlatform.Disclosure.Overriding;

public sealed record ApproveOverrideRequest(string? Rationale);

public static class ApproveOverrideEndpoint
{
    public static RouteGroupBuilder MapApproveOverride(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/approve-override", HandleAsync, "ApproveOverride", policy: DisclosurePolicies.SafeguardingLead);

    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id, ApproveOverrideRequest? request, IDocumentSession session, LiveChecks checks, [AsParameters] DisclosureCall call)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var (caller, command, bindRefusal) = call.Bind((errors, approver, now) =>
        {
            var rationale = DisclosureRules.Text(errors, "rationale", request?.Rationale, required: true);
            return errors.Any ? null : new ApproveOverride(id, EventActors.ActorOf(approver), approver.Name, rationale!, now);
        });
        if (bindRefusal is not null) return bindRefusal;

        // Who may, and whether it may be approved at all, before the live check is asked.
        var (stream, refusal) = await DisclosureStore.LoadAsync(
            session, id, state => DisclosureAccess.RefusalUnlessVisible(caller, state) ?? ApproveOverride.MayNotApprove(command!, state), call.CancellationToken);
        if (refusal is not null) return refusal;
        var state = stream.Aggregate!;

        var answers = await checks.AskAsync(state.Request, command!.Now, call.CancellationToken);
        var decision = ApproveOverride.Decide(command, state, answers);
        if (decision.Refusal is { } refused) return refused;
        var after = await DisclosureStore.SaveAsync(session, stream, decision.Events, call.CancellationToken);
        if (after.Refusal is { } lost) return lost;
        return TypedResults.Ok(DisclosureResponse.From(after.State));
    }
}
