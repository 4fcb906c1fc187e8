using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Activating;

public sealed record ActivateDsa(Guid DsaId, EventActor Actor, DateTimeOffset Now) : IAgreementChange;

/// <summary><c>POST /api/dsas/{id}/activate</c>: a draft DSA that meets every rule, has not ended and is signed by every party becomes active; otherwise 409.</summary>
public static class Activating
{
    public static Decision Decide(ActivateDsa command, Agreement state) =>
        Governance.BecomeActive(command, state, status => status == DsaStatus.Draft, "activated (only a draft DSA can be; a suspended one is reinstated)", c => new AgreementEvent.Activated(c.DsaId, c.Actor, c.Now));

    public static RouteGroupBuilder MapActivateDsa(this RouteGroupBuilder group) =>
        group.MapDsaChange("/{id:guid}/activate", "ActivateDsa", (id, actor, now) => state => Decide(new ActivateDsa(id, actor, now), state));
}
