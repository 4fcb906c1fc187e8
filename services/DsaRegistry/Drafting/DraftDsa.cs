namespace ConsentPlatform.DsaRegistry.Drafting;

public sealed record DraftDsa(Guid DsaId, DsaTerms? Terms, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>POST /api/dsas</c>: an IG officer drafts a DSA their organisation is a party to (status
/// draft, version 1), from scratch or (issue 17) from a template, <c>templateId</c>, which fills
/// what the body leaves out.
/// </summary>
public static class Drafting
{
    public static Decision Decide(DraftDsa command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var errors = new FieldErrors();
        var terms = DsaTemplates.Fill(errors, command.Terms);
        if (errors.Refusal is { } unknownTemplate) return unknownTemplate;
        var broken = DsaTermsValidation.Validate(terms);
        if (broken.Count > 0) return Refusal.Invalid(broken);

        var content = terms!.ToContent();
        if (Governance.MayNotGovern(command.Actor, content) is { } refusal) return refusal;
        return [new AgreementEvent.Drafted(command.DsaId, content, command.Actor, command.Now)];
    }

    public static RouteGroupBuilder MapDraftDsa(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/", HandleAsync, "DraftDsa", policy: PlatformRoles.IgOfficer);

    private static async Task<Outcome<Created<Dsa>, Refused.Invalid, Refused.Forbidden>> HandleAsync(
        DsaTerms? terms, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var decision = Decide(new DraftDsa(id, terms, EventActors.ActorOf(user), clock.GetUtcNow()));
        if (decision.Refusal is { } refused) return refused;
        session.Events.StartStream<Agreement>(id, [.. decision.Events]);
        await session.SaveChangesAsync(cancellationToken);

        var dsa = Dsa.From(AgreementEvolution.Fold(decision.Events)!);
        response.SetETag(dsa.Version);
        return TypedResults.Created($"/api/dsas/{dsa.Id}", dsa);
    }
}
