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

namespace ConsentPlatform.DsaRegistry.Reinstating;

public sealed record ReinstateDsa(Guid DsaId, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/reinstate</c>: a suspended DSA becomes active again, under the same rules as activation.</summary>
public static class Reinstating
{
    public static DsaReinstated Decide(ReinstateDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Governance.EnsureMayGovern(command.Actor, state.Content);
        if (state.Status != DsaStatus.Suspended)
        {
            throw Governance.NotAllowedIn(state, "reinstated (only a suspended DSA can be)");
        }

        Governance.EnsureMayBeActive(state, command.Now);
        Governance.EnsureEveryPartySigned(state);
        return new DsaReinstated(command.DsaId, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapReinstateDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/reinstate", HandleAsync)
            .RequireAuthorization(PlatformRoles.IgOfficer)
            .WithName("ReinstateDsa")
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
        var command = new ReinstateDsa(id, actor, clock.GetUtcNow());
        var state = await AgreementStore.ChangeAsync(session, id, ifMatch, actor, s => Decide(command, s), cancellationToken);
        response.SetETag(state.Version);
        return TypedResults.Ok(Dsa.From(state));
    }
}
