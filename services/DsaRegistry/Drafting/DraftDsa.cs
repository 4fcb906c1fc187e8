using System.Security.Claims;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.DsaRegistry.Agreements;
using ConsentPlatform.DsaRegistry.Api;
using ConsentPlatform.DsaRegistry.Reading;
using ConsentPlatform.DsaRegistry.Templates;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Problems;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.DsaRegistry.Drafting;

public sealed record DraftDsa(Guid DsaId, DsaTerms? Terms, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>POST /api/dsas</c>: an IG officer drafts a DSA their organisation is a party to (status
/// draft, version 1), from scratch or (issue 17) from a template, <c>templateId</c>, which fills
/// what the body leaves out.
/// </summary>
public static class Drafting
{
    public static DsaDrafted Decide(DraftDsa command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var terms = DsaTemplates.Fill(command.Terms);
        var errors = DsaTermsValidation.Validate(terms);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary());
        }

        var content = terms!.ToContent();
        Governance.EnsureMayGovern(command.Actor, content);
        return new DsaDrafted(command.DsaId, content, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapDraftDsa(this RouteGroupBuilder group)
    {
        group.MapPost("/", HandleAsync)
            .RequireAuthorization(PlatformRoles.IgOfficer)
            .WithName("DraftDsa")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    private static async Task<Created<Dsa>> HandleAsync(
        DsaTerms? terms, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var drafted = Decide(new DraftDsa(Guid.CreateVersion7(), terms, EventActors.ActorOf(user), clock.GetUtcNow()));
        session.Events.StartStream<Agreement>(drafted.DsaId, drafted);
        await session.SaveChangesAsync(cancellationToken);

        var dsa = Dsa.From(AgreementEvolution.Evolve(null, drafted));
        response.SetETag(dsa.Version);
        return TypedResults.Created($"/api/dsas/{dsa.Id}", dsa);
    }
}
