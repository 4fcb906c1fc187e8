using System.Security.Claims;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.DsaRegistry.Agreements;
using ConsentPlatform.DsaRegistry.Api;
using ConsentPlatform.DsaRegistry.Reading;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using ConsentPlatform.Hosting.Problems;
using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.DsaRegistry.Amending;

public sealed record AmendDsa(Guid DsaId, DsaTerms? Terms, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>PUT /api/dsas/{id}</c>: a draft or suspended DSA gets new content, as a new version; an
/// active or terminated one is 409. The officer's organisation must stay a party.
/// </summary>
public static class Amending
{
    public static DsaAmended Decide(AmendDsa command, Agreement state)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        Governance.EnsureMayGovern(command.Actor, state.Content);
        if (state.Status is not (DsaStatus.Draft or DsaStatus.Suspended))
        {
            throw Governance.NotAllowedIn(state, "amended (only a draft or suspended DSA can be)");
        }

        var errors = DsaTermsValidation.Validate(command.Terms);
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary());
        }

        // Where the agreement came from stays what it was: an amendment is not a new template.
        var content = command.Terms!.ToContent() with { TemplateId = state.Content.TemplateId };
        Governance.EnsureMayGovern(command.Actor, content);
        return new DsaAmended(command.DsaId, content, command.Actor, command.Now);
    }

    public static RouteGroupBuilder MapAmendDsa(this RouteGroupBuilder group)
    {
        group.MapPut("/{id:guid}", HandleAsync)
            .RequireAuthorization(PlatformRoles.IgOfficer)
            .WithName("AmendDsa")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed);
        return group;
    }

    private static async Task<Ok<Dsa>> HandleAsync(
        Guid id, DsaTerms? terms, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var actor = EventActors.ActorOf(user);
        var command = new AmendDsa(id, terms, actor, clock.GetUtcNow());
        var state = await AgreementStore.ChangeAsync(session, id, ifMatch, actor, s => Decide(command, s), cancellationToken);
        response.SetETag(state.Version);
        return TypedResults.Ok(Dsa.From(state));
    }
}
