using System.Security.Claims;
using ConsentPlatform.Disclosure.Api;
using ConsentPlatform.Disclosure.Domain;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using ConsentPlatform.Hosting.Validation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Disclosure.Reading;

/// <summary>
/// <c>GET /api/disclosures?subjectId=</c>: a subject's disclosures that the caller's organisation
/// requested or holds (every one for an auditor), newest first.
/// </summary>
public static class ListSubjectDisclosuresEndpoint
{
    public static RouteGroupBuilder MapListSubjectDisclosures(this RouteGroupBuilder group)
    {
        group.MapGet("/", HandleAsync)
            .WithName("ListSubjectDisclosures")
            .ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<IReadOnlyList<DisclosureResponse>>> HandleAsync(string? subjectId, ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var caller = Caller.From(user);
        DisclosureAccess.ActorOf(caller);
        var errors = new FieldErrors();
        errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        errors.ThrowIfAny();

        var query = session.Query<DisclosureState>().Where(d => d.Request.SubjectId == subjectId);
        if (!DisclosureAccess.IsAuditor(caller))
        {
            var org = caller.OrgId!;
            query = query.Where(d => d.Request.RequesterOrgId == org || d.Request.HolderOrgId == org);
        }

        var found = await query.OrderByDescending(d => d.RequestedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosureResponse>>([.. found.Select(DisclosureResponse.From)]);
    }
}
