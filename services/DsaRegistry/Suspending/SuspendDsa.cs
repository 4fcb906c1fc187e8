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
        return Governance.ChangeForReason(
            command.Actor, state, state.Status == DsaStatus.Active, "suspended (only an active DSA can be)", command.Reason,
            reason => new AgreementEvent.Suspended(command.DsaId, reason, command.Actor, command.Now));
    }

    public static RouteGroupBuilder MapSuspendDsa(this RouteGroupBuilder group) =>
        group.MapDsaChangeForReason("/{id:guid}/suspend", "SuspendDsa", (id, reason, actor, now) => state => Decide(new SuspendDsa(id, reason, actor, now), state));
}
