namespace ConsentPlatform.Disclosure.ReviewingOverrides;

/// <summary>The body: <c>{outcome: upheld|not-upheld, rationale}</c>.</summary>
public sealed record ReviewOverrideRequest(string? Outcome, string? Rationale);

public static class ReviewOverrideEndpoint
{
    public static RouteGroupBuilder MapReviewOverride(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/override-review", HandleAsync, "ReviewOverride", policy: DisclosurePolicies.CaldicottGuardian,
            summary: "The holder organisation's Caldicott guardian reviews an approved safeguarding override after the fact: upheld or not, with a rationale.");

    /// <summary>400 for the body first; another organisation 404; the requester's guardian 403; nothing to review 409.</summary>
    public static Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id, ReviewOverrideRequest? request, IDocumentSession session, [AsParameters] DisclosureCall call) =>
        DisclosureStore.ChangeAsync(
            session,
            id,
            call,
            (errors, caller, now) =>
            {
                OverrideReviewOutcome? outcome = request?.Outcome switch
                {
                    "upheld" => OverrideReviewOutcome.Upheld,
                    "not-upheld" => OverrideReviewOutcome.NotUpheld,
                    _ => null,
                };
                if (outcome is null) errors.Add("outcome", "The outcome must be upheld or not-upheld.");
                var rationale = DisclosureRules.Text(errors, "rationale", request?.Rationale, required: true);
                return errors.Any ? null : new ReviewOverride(id, outcome!.Value, rationale!, EventActors.ActorOf(caller), now);
            },
            (caller, state) => DisclosureAccess.RefusalUnlessHolder(caller, state, "review this override: it is the holder organisation's Caldicott guardian's"),
            ReviewOverride.Decide);
}
