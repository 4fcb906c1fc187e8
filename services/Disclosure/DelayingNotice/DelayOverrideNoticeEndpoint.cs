namespace ConsentPlatform.Disclosure.DelayingNotice;

/// <summary>The body: <c>{until, reason}</c>.</summary>
public sealed record DelayOverrideNoticeRequest(DateTimeOffset? Until, string? Reason);

public static class DelayOverrideNoticeEndpoint
{
    public static RouteGroupBuilder MapDelayOverrideNotice(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/notice-delay", HandleAsync, "DelayOverrideNotice", policy: DisclosurePolicies.SafeguardingLead,
            summary: "A safeguarding lead of either party delays what the young person sees of a safeguarding override, with a reason, for at most Disclosure:MaxNoticeDelay (28 days); it ends by itself.");

    public static async Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id,
        DelayOverrideNoticeRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        IOptions<OverrideOversightOptions> options,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        if (DisclosureAccess.Unidentified(caller) is { } unidentified) return unidentified;
        var errors = new FieldErrors();
        if (request?.Until is null) errors.Add("until", "The until field is required: when the young person may see the override.");
        var reason = DisclosureRules.Text(errors, "reason", request?.Reason, required: true);
        if (errors.Refusal is { } invalid) return invalid;

        var command = new DelayOverrideNotice(id, request!.Until!.Value.ToUniversalTime(), reason!, EventActors.ActorOf(caller), clock.GetUtcNow(), options.Value.MaxNoticeDelay);
        return await DisclosureStore.ChangeAsync(session, id, state => DisclosureAccess.RefusalUnlessVisible(caller, state), state => DelayOverrideNotice.Decide(command, state), cancellationToken);
    }
}
