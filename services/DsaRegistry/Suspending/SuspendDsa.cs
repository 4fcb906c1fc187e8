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

namespace ConsentPlatform.DsaRegistry.Suspending;

public sealed record SuspendDsa(Guid DsaId, string? Reason, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/suspend</c> <c>{reason}</c>: an active DSA stops covering any share from the very next scope check.</summary>
public static class Suspending
{
    public static DsaSuspended Decide(SuspendDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Governance.EnsureMayGovern(command.Actor, state.Content);
        if (state.Status != DsaStatus.Active)
        {
            throw Governance.NotAllowedIn(state, "suspended (only an active DSA can be)");
        }

        var reason = Governance.RequireReason(command.Reason);
        return new DsaSuspended(command.DsaId, reason, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapSuspendDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/suspend", HandleAsync)
            .RequireAuthorization(PlatformRoles.IgOfficer)
            .WithName("SuspendDsa")
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
        var command = new SuspendDsa(id, body?.Reason, actor, clock.GetUtcNow());
        var state = await AgreementStore.ChangeAsync(session, id, ifMatch, actor, s => Decide(command, s), cancellationToken);
        response.SetETag(state.Version);
        return TypedResults.Ok(Dsa.From(state));
    }
}
