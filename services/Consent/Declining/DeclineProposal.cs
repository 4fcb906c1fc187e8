using System.Security.Claims;
using ConsentPlatform.Consent.Api;
using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ConsentDeclined = ConsentPlatform.Consent.Domain.ConsentDeclined;

namespace ConsentPlatform.Consent.Declining;

public sealed record DeclineProposalRequest(string? Reason);

/// <summary>The young person says no to a proposal. Final: a declined proposal is never a consent.</summary>
public sealed record DeclineProposal(Guid ConsentId, EventActor Actor, string? Reason, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(DeclineProposal command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        switch (state.StatusAt(command.Now))
        {
            case ConsentStatus.Proposed:
                return [new ConsentDeclined(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Reason, command.Now)];
            case ConsentStatus.Declined:
                throw new ConflictException("This proposal was already declined.");
            case ConsentStatus.Expired when state.AcceptedAt is null && state.ProposedAt is not null:
                throw new ConflictException("This proposal was not answered in time and has lapsed: there is nothing left to decline.");
            default:
                throw new ConflictException("This consent is not an open proposal: there is nothing to decline. A consent is paused or withdrawn instead.");
        }
    }
}

public static class DeclineProposalEndpoint
{
    public static RouteGroupBuilder MapDeclineProposal(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/decline", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Answer)
            .WithName("DeclineProposal")
            .WithSummary("Decline a proposed consent, for good (the young carer only)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    public static async Task<Ok<ConsentResponse>> HandleAsync(
        Guid id,
        DeclineProposalRequest? request,
        [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user,
        IDocumentSession session,
        ConsentVisibility visibility,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(response);
        var caller = Caller.From(user);
        var errors = new FieldErrors();
        var reason = ConsentRules.Reason(errors, request?.Reason, required: false);
        var expected = IfMatch.ExpectedVersion(ifMatch, "consent", takesWeakTags: true);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        ConsentAccess.EnsureIdentified(caller);
        var command = new DeclineProposal(id, EventActors.ActorOf(caller), reason, now);
        var consent = await ConsentChanges.ApplyAsync(session, id, expected, caller, visibility, state => DeclineProposal.Decide(command, state), cancellationToken);
        response.SetETag(consent.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, now));
    }
}
