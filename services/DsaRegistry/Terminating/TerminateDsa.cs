using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Terminating;

public sealed record TerminateDsa(Guid DsaId, string? Reason, EventActor Actor, DateTimeOffset Now) : IAgreementChange;

/// <summary><c>POST /api/dsas/{id}/terminate</c> <c>{reason}</c>: ends a DSA for good, from any status but terminated.</summary>
public static class Terminating
{
    public static Decision Decide(TerminateDsa command, Agreement state) =>
        Governance.ChangeForReason(command, state, status => status != DsaStatus.Terminated, "terminated (it already is; termination is final)", (c, reason) => new AgreementEvent.Terminated(c.DsaId, reason, c.Actor, c.Now));

    public static RouteGroupBuilder MapTerminateDsa(this RouteGroupBuilder group) =>
        group.MapDsaChangeForReason("/{id:guid}/terminate", "TerminateDsa", (id, reason, actor, now) => state => Decide(new TerminateDsa(id, reason, actor, now), state));
}
