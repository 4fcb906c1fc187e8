using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Suspending;

public sealed record SuspendDsa(Guid DsaId, string? Reason, EventActor Actor, DateTimeOffset Now) : IAgreementChange;

/// <summary><c>POST /api/dsas/{id}/suspend</c> <c>{reason}</c>: an active DSA stops covering any share from the very next scope check.</summary>
public static class Suspending
{
    public static Decision Decide(SuspendDsa command, Agreement state) =>
        Governance.ChangeForReason(command, state, status => status == DsaStatus.Active, "suspended (only an active DSA can be)", (c, reason) => new AgreementEvent.Suspended(c.DsaId, reason, c.Actor, c.Now));

    public static RouteGroupBuilder MapSuspendDsa(this RouteGroupBuilder group) =>
        group.MapDsaChangeForReason("/{id:guid}/suspend", "SuspendDsa", (id, reason, actor, now) => state => Decide(new SuspendDsa(id, reason, actor, now), state));
}
