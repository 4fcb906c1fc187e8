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
    public static RouteGroupBuilder MapRequestDisclosure(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/", HandleAsync, "RequestDisclosure", policy: DisclosurePolicies.Practitioner);

    public static async Task<Outcome<Created<DisclosureResponse>, Refused.Invalid, Refused.Forbidden>> HandleAsync(
        RequestDisclosureRequest? request, GroupCommit commits, LiveChecks checks, [AsParameters] DisclosureCall call)
    {
        ArgumentNullException.ThrowIfNull(commits);
        ArgumentNullException.ThrowIfNull(checks);
        var (caller, share, refusal) = call.Bind((errors, caller, _) => Validate(errors, request, caller));
        if (refusal is not null) return refusal;

        var now = call.Clock.GetUtcNow();
        var answers = await checks.AskAsync(share!, now, call.CancellationToken);
        var command = new RequestDisclosure(Guid.CreateVersion7(now), share!, EventActors.ActorOf(caller), caller.Name, now);
        var events = RequestDisclosure.Decide(command, answers).Events;
        // Committed with the decisions finishing at the same moment (one session, one commit).
        await commits.StartStreamAsync(command.DisclosureId, events);

        var state = DisclosureEvolution.Fold(events)!;
        return TypedResults.Created($"/api/disclosures/{state.Id}", DisclosureResponse.From(state));
    }

    /// <summary>
    /// A body known to be valid (the live-check warm-up's own) as the share it asks for; a bad one
    /// there is a bug, not a caller's mistake: it throws.
    /// </summary>
    public static ShareRequest Validate(RequestDisclosureRequest? request, Caller caller)
    {
        var errors = new FieldErrors();
        return Validate(errors, request, caller)
               ?? throw new InvalidOperationException($"A built-in disclosure request is invalid: {string.Join(", ", errors.ToDictionary().Keys)}.");
    }

    /// <summary>The share asked for, or null with every bad field in <paramref name="errors"/>.</summary>
    public static ShareRequest? Validate(FieldErrors errors, RequestDisclosureRequest? request, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(caller);
        if (request is null)
        {
            errors.Add("$", "A JSON body is required.");
            return null;
        }

        errors.Required("subjectId", request!.SubjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        errors.Required("purpose", request.Purpose, Vocabulary.Purpose(), "a purpose code: 1 to 64 lower-case letters, digits or hyphens");
        errors.Required("holderOrgId", request.HolderOrgId, Vocabulary.OrgId(), "an organisation code: 1 to 64 letters, digits or hyphens");
        var categories = Categories(errors, request.DataCategories);
        if (request.Basis is null) errors.Add("basis", "The basis field is required: consent or safeguarding.");
        var justification = DisclosureRules.Text(errors, "justification", request.Justification);
        if (errors.Any) return null;
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
