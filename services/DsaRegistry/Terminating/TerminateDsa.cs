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
        return Governance.ChangeForReason(
            command.Actor, state, state.Status != DsaStatus.Terminated, "terminated (it already is; termination is final)", command.Reason,
            reason => new AgreementEvent.Terminated(command.DsaId, reason, command.Actor, command.Now));
    }

    public static RouteGroupBuilder MapTerminateDsa(this RouteGroupBuilder group) =>
        group.MapDsaChangeForReason("/{id:guid}/terminate", "TerminateDsa", (id, reason, actor, now) => state => Decide(new TerminateDsa(id, reason, actor, now), state));
}
