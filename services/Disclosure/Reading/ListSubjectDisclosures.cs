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
/// requested or holds (every one for an auditor), newest first. Issue 20:
/// <c>?deletionRequest=open|overdue</c> (subjectId optional): the deletion requests not yet answered
/// (overdue: past their answer-by), the caller's organisation's as recipient (every one for an auditor).
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

    public static async Task<Ok<IReadOnlyList<DisclosureResponse>>> HandleAsync(string? subjectId, string? deletionRequest, ClaimsPrincipal user, IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        DisclosureAccess.ActorOf(caller);
        var errors = new FieldErrors();
        if (deletionRequest is not null and not ("open" or "overdue")) errors.Add("deletionRequest", "deletionRequest must be open or overdue.");
        // A subject's list needs the subject; the deletion requests may be narrowed to one.
        if (deletionRequest is null || subjectId is not null) errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        errors.ThrowIfAny();

        IQueryable<DisclosureState> query = session.Query<DisclosureState>();
        if (subjectId is not null) query = query.Where(d => d.Request.SubjectId == subjectId);
        if (deletionRequest is not null)
        {
            // Issue 20: deletion requests not yet answered; overdue once their answer-by has passed.
            query = query.Where(d => d.Deletion != null && d.Deletion.AnsweredAt == null);
            if (deletionRequest == "overdue")
            {
                var now = clock.GetUtcNow();
                query = query.Where(d => d.Deletion!.AnswerBy <= now);
            }
        }

        if (!DisclosureAccess.IsAuditor(caller))
        {
            var org = caller.OrgId!;
            query = deletionRequest is null
                ? query.Where(d => d.Request.RequesterOrgId == org || d.Request.HolderOrgId == org)
                // A deletion request is the recipient's to answer: only its own organisation's are listed.
                : query.Where(d => d.Request.RequesterOrgId == org);
        }

        var found = await query.OrderByDescending(d => d.RequestedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosureResponse>>([.. found.Select(DisclosureResponse.From)]);
    }
}
