using System.Security.Claims;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Disclosure.Api;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Disclosure.AnsweringDeletion;

/// <summary>The body: <c>{outcome: deleted|retained, reason?}</c>; a retained copy needs its reason.</summary>
public sealed record AnswerDeletionRequest(string? Outcome, string? Reason);

public static class AnswerDeletionEndpoint
{
    public static RouteGroupBuilder MapAnswerDeletion(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/deletion", HandleAsync)
            .RequireAuthorization(DisclosurePolicies.Practitioner)
            .WithName("AnswerDeletion")
            .WithSummary("The recipient organisation answers a request to delete a package it read before the consent was withdrawn: deleted, or retained with a reason.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return group;
    }

    /// <summary>400 for the body first, then 404 for another organisation, then 409 when nothing is asked or it was answered.</summary>
    public static async Task<Ok<DisclosureResponse>> HandleAsync(
        Guid id,
        AnswerDeletionRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        DisclosureAccess.EnsureIdentified(caller);
        var actor = EventActors.ActorOf(caller);
        var errors = new FieldErrors();
        var outcome = Outcome(errors, request?.Outcome);
        var reason = DisclosureRules.Text(errors, "reason", request?.Reason, required: outcome == DeletionOutcome.Retained);
        errors.ThrowIfAny();

        var after = await DisclosureStore.ChangeAsync(
            session,
            id,
            state => DisclosureAccess.EnsureRequester(caller, state, "answer a request to delete its copy"),
            state => AnswerDeletion.Decide(new AnswerDeletion(id, outcome!.Value, reason, actor, clock.GetUtcNow()), state),
            cancellationToken);
        return TypedResults.Ok(DisclosureResponse.From(after));
    }

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
