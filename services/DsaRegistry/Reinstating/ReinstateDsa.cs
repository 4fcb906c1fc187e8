using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Reinstating;

public sealed record ReinstateDsa(Guid DsaId, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/reinstate</c>: a suspended DSA becomes active again, under the same rules as activation.</summary>
public static class Reinstating
{
    public static Decision Decide(ReinstateDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if ((Governance.MayNotChange(command.Actor, state, state.Status == DsaStatus.Suspended, "reinstated (only a suspended DSA can be)") ?? Governance.MayNotBecomeActive(state, command.Now)) is { } refusal)
        {
            return refusal;
        }

        return [new AgreementEvent.Reinstated(command.DsaId, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapReinstateDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/reinstate", HandleAsync).RequireAuthorization(PlatformRoles.IgOfficer).WithName("ReinstateDsa");
        return group;
    }

    private static Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        Guid id, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new ReinstateDsa(id, EventActors.ActorOf(user), clock.GetUtcNow());
        return AgreementStore.ChangeAsync(session, id, ifMatch, command.Actor, s => Decide(command, s), response, cancellationToken);
    }
}
