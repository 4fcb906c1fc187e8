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

namespace ConsentPlatform.DsaRegistry.Activating;

public sealed record ActivateDsa(Guid DsaId, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/activate</c>: a draft DSA that meets every rule and has not ended becomes active; otherwise 409.</summary>
public static class Activating
{
    public static DsaActivated Decide(ActivateDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Governance.EnsureMayGovern(command.Actor, state.Content);
        if (state.Status != DsaStatus.Draft)
        {
            throw Governance.NotAllowedIn(state, "activated (only a draft DSA can be; a suspended one is reinstated)");
        }

        Governance.EnsureMayBeActive(state, command.Now);
        Governance.EnsureEveryPartySigned(state);
        return new DsaActivated(command.DsaId, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapActivateDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/activate", HandleAsync)
            .RequireAuthorization(PlatformRoles.IgOfficer)
            .WithName("ActivateDsa")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    private static async Task<Ok<Dsa>> HandleAsync(
        Guid id, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var actor = EventActors.ActorOf(user);
        var command = new ActivateDsa(id, actor, clock.GetUtcNow());
        var state = await AgreementStore.ChangeAsync(session, id, ifMatch, actor, s => Decide(command, s), cancellationToken);
        response.SetETag(state.Version);
        return TypedResults.Ok(Dsa.From(state));
    }
}
