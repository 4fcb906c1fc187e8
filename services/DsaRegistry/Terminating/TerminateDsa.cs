using System.Security.Claims;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.DsaRegistry.Agreements;
using ConsentPlatform.DsaRegistry.Api;
using ConsentPlatform.DsaRegistry.Reading;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.DsaRegistry.Terminating;

public sealed record TerminateDsa(Guid DsaId, string? Reason, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/terminate</c> <c>{reason}</c>: ends a DSA for good, from any status but terminated.</summary>
public static class Terminating
{
    public static DsaTerminated Decide(TerminateDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Governance.EnsureMayGovern(command.Actor, state.Content);
        if (state.Status == DsaStatus.Terminated)
        {
            throw Governance.NotAllowedIn(state, "terminated (it already is; termination is final)");
        }

        var reason = Governance.RequireReason(command.Reason);
        return new DsaTerminated(command.DsaId, reason, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapTerminateDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/terminate", HandleAsync)
            .RequireAuthorization(PlatformRoles.IgOfficer)
            .WithName("TerminateDsa")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    private static async Task<Ok<Dsa>> HandleAsync(
        Guid id, ReasonRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var actor = EventActors.ActorOf(user);
        var command = new TerminateDsa(id, body?.Reason, actor, clock.GetUtcNow());
        var state = await AgreementStore.ChangeAsync(session, id, ifMatch, actor, s => Decide(command, s), cancellationToken);
        response.SetETag(state.Version);
        return TypedResults.Ok(Dsa.From(state));
    }
}
