using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Signing;

/// <summary><c>POST /api/dsas/{id}/sign</c> <c>{version}</c>: the version of the terms the officer read and signs.</summary>
public sealed record SignDsaRequest(long? Version);

public sealed record SignDsa(Guid DsaId, long? Version, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// Sign-off by every party (issue 17). An IG officer of a party signs the DSA's terms exactly as
/// they stand (<see cref="Agreement.TermsVersion"/>; another version is 409, as the terms they read
/// are not the terms in force). A draft becomes active, and a suspended DSA is reinstated, by
/// itself on the last party's signature, in the same append, provided it could be active at all
/// (<see cref="Governance.MayNotBeActive"/>; otherwise the signature is refused too, so nobody
/// signs terms that cannot bind). One signature per party per version of the terms.
/// </summary>
public static class Signing
{
    public static Decision Decide(SignDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (Governance.MayNotGovern(command.Actor, state.Content) is { } refusal) return refusal;
        if (command.Version is not { } version)
        {
            return Refusal.Invalid("version", "The version of the terms you sign is required (the DSA's termsVersion).");
        }

        if (state.Status is not (DsaStatus.Draft or DsaStatus.Suspended))
        {
            return Governance.NotAllowedIn(state, "signed (only a draft, or a suspended DSA being reinstated, is signed)");
        }

        if (version != state.TermsVersion)
        {
            return Refusal.Conflict($"DSA {state.Id}'s terms are at version {state.TermsVersion}, not {version}: read them again before signing.");
        }

        var org = command.Actor.OrgId!;
        if (!state.AwaitingSignatureFrom.Any(p => string.Equals(p.OrgId, org, StringComparison.Ordinal)))
        {
            return Refusal.Conflict($"{org} has already signed version {version} of DSA {state.Id}.");
        }

        var signed = new AgreementEvent.Signed(state.Id, version, org, command.Actor, command.Now);
        var after = AgreementEvolution.Evolve(state, signed);
        if (after.AwaitingSignatureFrom.Count > 0) return [signed];

        // The last signature: the DSA binds from now on, if it may bind at all.
        if (Governance.MayNotBeActive(state, command.Now) is { } mayNotBind) return mayNotBind;
        return state.Status == DsaStatus.Draft
            ? [signed, new AgreementEvent.Activated(state.Id, command.Actor, command.Now)]
            : [signed, new AgreementEvent.Reinstated(state.Id, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapSignDsa(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/{id:guid}/sign", HandleAsync, "SignDsa", policy: PlatformRoles.IgOfficer,
            summary: "Sign the DSA's terms as a party (IG officer of a party); the last party's signature activates or reinstates it");

    /// <summary>No <c>If-Match</c>: the body's <c>version</c> names the terms signed, and a race lost to another change is 409.</summary>
    private static async Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict>> HandleAsync(
        Guid id, SignDsaRequest? request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new SignDsa(id, request?.Version, EventActors.ActorOf(user), clock.GetUtcNow());
        var change = await AgreementStore.DecideAsync(session, id, null, command.Actor, s => Decide(command, s), cancellationToken);
        if (change.Refusal is { } refused) return refused;
        return AgreementStore.Respond(change.State, response);
    }
}
