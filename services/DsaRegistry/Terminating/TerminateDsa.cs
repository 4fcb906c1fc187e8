using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Terminating;

public sealed record TerminateDsa(Guid DsaId, string? Reason, EventActor Actor, DateTimeOffset Now);

/// <summary><c>POST /api/dsas/{id}/terminate</c> <c>{reason}</c>: ends a DSA for good, from any status but terminated.</summary>
public static class Terminating
{
    public static Decision Decide(TerminateDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (Governance.MayNotChange(command.Actor, state, state.Status != DsaStatus.Terminated, "terminated (it already is; termination is final)") is { } refusal) return refusal;
        var errors = new FieldErrors();
        var reason = Governance.Reason(errors, command.Reason);
        if (errors.Refusal is { } invalid) return invalid;
        return [new AgreementEvent.Terminated(command.DsaId, reason, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapTerminateDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/{id:guid}/terminate", HandleAsync).RequireAuthorization(PlatformRoles.IgOfficer).WithName("TerminateDsa");
        return group;
    }

    private static Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        Guid id, ReasonRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new TerminateDsa(id, body?.Reason, EventActors.ActorOf(user), clock.GetUtcNow());
        return AgreementStore.ChangeAsync(session, id, ifMatch, command.Actor, s => Decide(command, s), response, cancellationToken);
    }
}
