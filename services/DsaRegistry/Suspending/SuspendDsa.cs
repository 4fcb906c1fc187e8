using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Suspending;

public sealed record SuspendDsa(Guid DsaId, string? Reason, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/suspend</c> <c>{reason}</c>: an active DSA stops covering any share from the very next scope check.</summary>
public static class Suspending
{
    public static Decision Decide(SuspendDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (Governance.MayNotChange(command.Actor, state, state.Status == DsaStatus.Active, "suspended (only an active DSA can be)") is { } refusal) return refusal;
        var errors = new FieldErrors();
        var reason = Governance.Reason(errors, command.Reason);
        if (errors.Refusal is { } invalid) return invalid;
        return [new AgreementEvent.Suspended(command.DsaId, reason, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapSuspendDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/suspend", HandleAsync).RequireAuthorization(PlatformRoles.IgOfficer).WithName("SuspendDsa");
        return group;
    }

    private static Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        Guid id, ReasonRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new SuspendDsa(id, body?.Reason, EventActors.ActorOf(user), clock.GetUtcNow());
        return AgreementStore.ChangeAsync(session, id, ifMatch, command.Actor, s => Decide(command, s), response, cancellationToken);
    }
}
