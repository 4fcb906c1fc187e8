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
using ConsentResumed = ConsentPlatform.Consent.Domain.ConsentResumed;

namespace ConsentPlatform.Consent.Resuming;

/// <summary>Let sharing under a paused consent start again. The young carer's own decision only.</summary>
public sealed record ResumeConsent(Guid ConsentId, EventActor Actor, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(ResumeConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ConsentRefusals.EnsureNotEnded(state, command.Now, "resumed");
        if (state.Status != ConsentStatus.Paused)
        {
            throw new ConflictException("Only a paused consent can be resumed; this one is active.");
        }

        if (state.ConfirmBy is { } due && due <= command.Now)
        {
            // Issue 20: a parent's or guardian's consent paused because the young person did not confirm it.
            throw new ConflictException("A parent or guardian gave this consent and it was paused because you did not confirm it in time: confirm it first (POST /api/consents/{id}/confirm), then resume it.");
        }

        return [new ConsentResumed(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Now)];
    }
}

public static class ResumeConsentEndpoint
{
    public static RouteGroupBuilder MapResumeConsent(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/resume", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Resume)
            .WithName("ResumeConsent")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Ok<ConsentResponse>> HandleAsync(
        Guid id,
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
        var expected = IfMatch.ExpectedVersion(ifMatch, "consent", takesWeakTags: true);
        var now = clock.GetUtcNow();
        ConsentAccess.EnsureIdentified(caller);
        var command = new ResumeConsent(id, EventActors.ActorOf(caller), now);
        var consent = await ConsentChanges.ApplyAsync(session, id, expected, caller, visibility, state => ResumeConsent.Decide(command, state), cancellationToken);
        response.SetETag(consent.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, now));
    }
}
