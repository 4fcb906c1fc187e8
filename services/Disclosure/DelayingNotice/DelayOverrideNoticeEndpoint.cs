namespace ConsentPlatform.Disclosure.DelayingNotice;

/// <summary>The body: <c>{until, reason}</c>.</summary>
public sealed record DelayOverrideNoticeRequest(DateTimeOffset? Until, string? Reason);

public static class DelayOverrideNoticeEndpoint
{
    public static RouteGroupBuilder MapDelayOverrideNotice(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/notice-delay", HandleAsync, "DelayOverrideNotice", policy: DisclosurePolicies.SafeguardingLead,
            summary: "A safeguarding lead of either party delays what the young person sees of a safeguarding override, with a reason, for at most Disclosure:MaxNoticeDelay (28 days); it ends by itself.");

    public static Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id, DelayOverrideNoticeRequest? request, IDocumentSession session, IOptions<OverrideOversightOptions> options, [AsParameters] DisclosureCall call)
    {
        ArgumentNullException.ThrowIfNull(options);
        return DisclosureStore.ChangeAsync(
            session,
            id,
            call,
            (errors, caller, now) =>
            {
                if (request?.Until is null) errors.Add("until", "The until field is required: when the young person may see the override.");
                var reason = DisclosureRules.Text(errors, "reason", request?.Reason, required: true);
                return errors.Any ? null : new DelayOverrideNotice(id, request!.Until!.Value.ToUniversalTime(), reason!, EventActors.ActorOf(caller), now, options.Value.MaxNoticeDelay);
            },
            DisclosureAccess.RefusalUnlessVisible,
            DelayOverrideNotice.Decide);
    }
}
