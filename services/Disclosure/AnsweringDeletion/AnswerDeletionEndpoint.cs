namespace ConsentPlatform.Disclosure.AnsweringDeletion;

/// <summary>The body: <c>{outcome: deleted|retained, reason?}</c>; a retained copy needs its reason.</summary>
public sealed record AnswerDeletionRequest(string? Outcome, string? Reason);

public static class AnswerDeletionEndpoint
{
    public static RouteGroupBuilder MapAnswerDeletion(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/deletion", HandleAsync, "AnswerDeletion", policy: DisclosurePolicies.Practitioner,
            summary: "The recipient organisation answers a request to delete a package it read before the consent was withdrawn: deleted, or retained with a reason.");

    /// <summary>400 for the body first, then 404 for another organisation, then 409 when nothing is asked or it was answered.</summary>
    public static Task<Outcome<Ok<DisclosureResponse>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id, AnswerDeletionRequest? request, IDocumentSession session, [AsParameters] DisclosureCall call) =>
        DisclosureStore.ChangeAsync(
            session,
            id,
            call,
            (errors, caller, now) =>
            {
                var outcome = Outcome(errors, request?.Outcome);
                var reason = DisclosureRules.Text(errors, "reason", request?.Reason, required: outcome == DeletionOutcome.Retained);
                return errors.Any ? null : new AnswerDeletion(id, outcome!.Value, reason, EventActors.ActorOf(caller), now);
            },
            (caller, state) => DisclosureAccess.RefusalUnlessRequester(caller, state, "answer a request to delete its copy"),
            AnswerDeletion.Decide);

    private static DeletionOutcome? Outcome(FieldErrors errors, string? wire)
    {
        switch (wire)
        {
            case "deleted": return DeletionOutcome.Deleted;
            case "retained": return DeletionOutcome.Retained;
            default:
                errors.Add("outcome", "The outcome must be deleted or retained.");
                return null;
        }
    }
}
