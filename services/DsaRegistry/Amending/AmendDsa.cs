using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;

namespace ConsentPlatform.DsaRegistry.Amending;

public sealed record AmendDsa(Guid DsaId, DsaTerms? Terms, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>PUT /api/dsas/{id}</c>: a draft or suspended DSA gets new content, as a new version; an
/// active or terminated one is 409. The officer's organisation must stay a party.
/// </summary>
public static class Amending
{
    public static Decision Decide(AmendDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        if (Governance.MayNotChange(command.Actor, state, state.Status is DsaStatus.Draft or DsaStatus.Suspended, "amended (only a draft or suspended DSA can be)") is { } refusal)
        {
            return refusal;
        }

        var errors = DsaTermsValidation.Validate(command.Terms);
        if (errors.Count > 0) return Refusal.Invalid(errors);

        // Where the agreement came from stays what it was: an amendment is not a new template.
        var content = command.Terms!.ToContent() with { TemplateId = state.Content.TemplateId };
        if (Governance.MayNotGovern(command.Actor, content) is { } leaving) return leaving;
        return [new AgreementEvent.Amended(command.DsaId, content, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapAmendDsa(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Put, "/{id:guid}", HandleAsync, "AmendDsa", policy: PlatformRoles.IgOfficer);

    private static Task<Outcome<Ok<Dsa>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        Guid id, DsaTerms? terms, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var command = new AmendDsa(id, terms, EventActors.ActorOf(user), clock.GetUtcNow());
        return AgreementStore.ChangeAsync(session, id, ifMatch, command.Actor, s => Decide(command, s), response, cancellationToken);
    }
}
