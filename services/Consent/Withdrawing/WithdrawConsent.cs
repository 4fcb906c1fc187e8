using System.Security.Claims;
using ConsentPlatform.Consent.Api;
using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Consent.Withdrawing;

public sealed record WithdrawConsentRequest(string? Reason);

/// <summary>End a consent for good; a new one for the purpose can then be granted.</summary>
public sealed record WithdrawConsent(Guid ConsentId, EventActor Actor, string? Reason, DateTimeOffset Now)
{
    public static IReadOnlyList<object> Decide(WithdrawConsent command, ConsentState state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ConsentRefusals.EnsureNotEnded(state, command.Now, "withdrawn");
        return [new ConsentWithdrawn(state.Id, state.Version + 1, state.Terms, state.GrantedAt, command.Actor, command.Reason, command.Now)];
    }
}

public static class WithdrawConsentEndpoint
{
    public static RouteGroupBuilder MapWithdrawConsent(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/withdraw", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Act)
            .WithName("WithdrawConsent")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return group;
    }

    public static async Task<Ok<ConsentResponse>> HandleAsync(
        Guid id,
        WithdrawConsentRequest? request,
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
        var command = new WithdrawConsent(id, EventActors.ActorOf(caller), reason, now);
        var consent = await ConsentChanges.ApplyAsync(session, id, expected, caller, visibility, state => WithdrawConsent.Decide(command, state), cancellationToken);
        response.SetETag(consent.Version);
        return TypedResults.Ok(ConsentResponse.From(consent, now));
    }
}
