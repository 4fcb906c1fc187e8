using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Reinstating;

public sealed record ReinstateDsa(Guid DsaId, EventActor Actor, DateTimeOffset Now) : IAgreementChange;

/// <summary><c>POST /api/dsas/{id}/reinstate</c>: a suspended DSA becomes active again, under the same rules as activation.</summary>
public static class Reinstating
{
    public static Decision Decide(ReinstateDsa command, Agreement state) =>
        Governance.BecomeActive(command, state, status => status == DsaStatus.Suspended, "reinstated (only a suspended DSA can be)", c => new AgreementEvent.Reinstated(c.DsaId, c.Actor, c.Now));

    public static RouteGroupBuilder MapReinstateDsa(this RouteGroupBuilder group) =>
        group.MapDsaChange("/{id:guid}/reinstate", "ReinstateDsa", (id, actor, now) => state => Decide(new ReinstateDsa(id, actor, now), state));
}
