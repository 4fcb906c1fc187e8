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
using ConsentPaused = ConsentPlatform.Consent.Domain.ConsentPaused;

namespace ConsentPlatform.Consent.Pausing;

public sealed record PauseConsentRequest(string? Reason);

/// <summary>Stop sharing under a consent until it is resumed.</summary>
public sealed record PauseConsent(Guid ConsentId, EventActor Actor, string? Reason, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(PauseConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ConsentRefusals.EnsureNotEnded(state, command.Now, "paused");
        if (state.Status == ConsentStatus.Paused)
        {
            throw new ConflictException("The consent is already paused.");
        }

        return [new ConsentPaused(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Reason, command.Now)];
    }
}

public static class PauseConsentEndpoint
{
    public static RouteGroupBuilder MapPauseConsent(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/pause", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Act)
            .WithName("PauseConsent")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Ok<ConsentResponse>> HandleAsync(
        Guid id,
        PauseConsentRequest? request,
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
        var reason = ConsentRules.Reason(errors, request?.Reason, required: ConsentAccess.IsPractitioner(caller));
        var expected = IfMatch.ExpectedVersion(ifMatch, "consent", takesWeakTags: true);
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        ConsentAccess.EnsureIdentified(caller);
        var command = new PauseConsent(id, EventActors.ActorOf(caller), reason, now);
        var consent = await ConsentChanges.ApplyAsync(session, id, expected, caller, visibility, state => PauseConsent.Decide(command, state), cancellationToken);
        response.SetETag(consent.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, now));
    }
}
