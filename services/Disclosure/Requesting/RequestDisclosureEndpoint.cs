using System.Security.Claims;
using ConsentPlatform.Contracts.Rules;
using ConsentPlatform.Disclosure.Api;
using ConsentPlatform.Disclosure.Checking;
using ConsentPlatform.Disclosure.Domain;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using ConsentPlatform.Hosting.Validation;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ConsentPlatform.Disclosure.Requesting;

/// <summary><c>POST /api/disclosures</c>. Every field is nullable so that a missing one is a per-field 400. No requester org: it is the token's.</summary>
public sealed record RequestDisclosureRequest(
    string? SubjectId,
    string? Purpose,
    string? HolderOrgId,
    IReadOnlyList<string?>? DataCategories,
    ShareBasis? Basis,
    string? Justification);

public static class RequestDisclosureEndpoint
{
    public static RouteGroupBuilder MapRequestDisclosure(this RouteGroupBuilder group)
    {
        group.MapPost("/", HandleAsync)
            .RequireAuthorization(DisclosurePolicies.Practitioner)
            .WithName("RequestDisclosure")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

    public static async Task<Created<DisclosureResponse>> HandleAsync(
        RequestDisclosureRequest? request,
        ClaimsPrincipal user,
        GroupCommit commits,
        LiveChecks checks,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        DisclosureAccess.EnsureIdentified(caller);
        var actor = EventActors.ActorOf(caller);
        var share = Validate(request, caller);

        var now = clock.GetUtcNow();
        var answers = await checks.AskAsync(share, now, cancellationToken);
        var command = new RequestDisclosure(Guid.CreateVersion7(now), share, actor, caller.Name, now);
        var events = RequestDisclosure.Decide(command, answers);
        // Committed with the decisions finishing at the same moment (one session, one commit).
        await commits.StartStreamAsync(command.DisclosureId, events);

        var state = DisclosureEvolution.Fold(events)!;
        return TypedResults.Created($"/api/disclosures/{state.Id}", DisclosureResponse.From(state));
    }

    public static ShareRequest Validate(RequestDisclosureRequest? request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new FieldErrors();
        if (request is null)
        {
            errors.Add("$", "A JSON body is required.");
            errors.ThrowIfAny();
        }

        errors.Required("subjectId", request!.SubjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        errors.Required("purpose", request.Purpose, Vocabulary.Purpose(), "a purpose code: 1 to 64 lower-case letters, digits or hyphens");
        errors.Required("holderOrgId", request.HolderOrgId, Vocabulary.OrgId(), "an organisation code: 1 to 64 letters, digits or hyphens");
        var categories = Categories(errors, request.DataCategories);
        if (request.Basis is null) errors.Add("basis", "The basis field is required: consent or safeguarding.");
        var justification = DisclosureRules.Text(errors, "justification", request.Justification);
        errors.ThrowIfAny();

        return new ShareRequest(request.SubjectId!, request.Purpose!, caller.OrgId!, request.HolderOrgId!, categories, request.Basis!.Value, justification, caller.UserId);
    }

    private static List<string> Categories(FieldErrors errors, IReadOnlyList<string?>? values)
    {
        const string field = "dataCategories";
        if (values is null || values.Count == 0)
        {
            errors.Add(field, "At least one data category is required: an empty request is invalid.");
            return [];
        }

        if (values.Count > DisclosureRules.MaxCategories)
        {
            errors.Add(field, $"At most {DisclosureRules.MaxCategories} data categories may be requested.");
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null || !Vocabulary.DataCategory().IsMatch(value))
            {
                errors.Add($"{field}[{i}]", "Each data category must be 1 to 64 lower-case letters, digits, dots or hyphens.");
            }
            else if (!seen.Add(value))
            {
                errors.Add($"{field}[{i}]", $"'{value}' appears more than once in {field}.");
            }
        }

        return [.. seen];
    }
}
