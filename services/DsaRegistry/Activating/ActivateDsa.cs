using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Activating;

public sealed record ActivateDsa(Guid DsaId, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/activate</c>: a draft DSA that meets every rule, has not ended and is signed by every party becomes active; otherwise 409.</summary>
public static class Activating
{
    public static Decision Decide(ActivateDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if ((Governance.MayNotChange(command.Actor, state, state.Status == DsaStatus.Draft, "activated (only a draft DSA can be; a suspended one is reinstated)") ?? Governance.MayNotBecomeActive(state, command.Now)) is { } refusal)
        {
            return refusal;
        }

        return [new AgreementEvent.Activated(command.DsaId, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapActivateDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/activate", HandleAsync).RequireAuthorization(PlatformRoles.IgOfficer).WithName("ActivateDsa");
        return group;
    }

    private static Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        Guid id, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new ActivateDsa(id, EventActors.ActorOf(user), clock.GetUtcNow());
        return AgreementStore.ChangeAsync(session, id, ifMatch, command.Actor, s => Decide(command, s), response, cancellationToken);
    }
}
