namespace ConsentPlatform.Consent.Competence;

/// <summary>The body of <c>POST /api/subjects/{subjectId}/competence</c>; every field nullable so a missing one is a per-field 400.</summary>
public sealed record AssessCompetenceRequest(string? Purpose, string? Outcome, string? Basis, string? Note);

/// <summary>
/// Issue 20: competence assessments of a young person, for one purpose or every purpose.
/// <list type="bullet">
/// <item><c>POST</c>: a practitioner whose organisation is party to an active agreement containing
/// the purpose (for every purpose: to any active agreement) records one: 201.</item>
/// <item><c>GET</c>: the young person reads their own (another's is 403); a practitioner reads those
/// for the purposes their organisation's active agreements contain (every-purpose ones if it has any).</item>
/// </list>
/// Whether the organisation is party is asked of the DSA registry; no answer is 503, nothing recorded or shown.
/// </summary>
public static class CompetenceEndpoints
{
    public const int MaxNoteLength = 500;

    public static RouteGroupBuilder MapCompetence(this RouteGroupBuilder group) =>
        group
            .MapSlice(
                HttpMethods.Post, "/{subjectId}/competence", AssessAsync, "AssessCompetence", PlatformRoles.Practitioner,
                summary: "Record whether a young person can decide for themselves about sharing for a purpose (or every purpose): Gillick competence, or 16 or over.")
            .MapSlice(
                HttpMethods.Get, "/{subjectId}/competence", ListAsync, "ListCompetenceAssessments",
                summary: "A young person's competence assessments, oldest first: their own for a young carer, those of their organisation's purposes for a practitioner.");

    public static async Task<Outcome<Created<CompetenceAssessment>, Refused.Invalid, Refused.Forbidden, Refused.CheckUnavailable>> AssessAsync(
        string subjectId,
        AssessCompetenceRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        ConsentVisibility visibility,
        IOptions<ProxyConfirmationOptions> confirmation,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(visibility);
        ArgumentNullException.ThrowIfNull(confirmation);
        ArgumentNullException.ThrowIfNull(clock);
        if (ConsentAccess.Unidentified(user, out var caller) is { } unidentified) return unidentified;
        var actor = EventActors.ActorOf(caller);
        var errors = new FieldErrors();
        errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        var purpose = string.IsNullOrWhiteSpace(request?.Purpose) ? null : request.Purpose.Trim();
        if (purpose is not null) errors.Required("purpose", purpose, Vocabulary.Purpose(), "a purpose code: 1 to 64 lower-case letters, digits or hyphens");
        var outcome = request?.Outcome switch
        {
            "competent" => CompetenceOutcome.Competent,
            "not-yet-competent" => CompetenceOutcome.NotYetCompetent,
            _ => (CompetenceOutcome?)null,
        };
        if (outcome is null) errors.Add("outcome", "The outcome must be competent or not-yet-competent.");
        var basis = request?.Basis switch
        {
            "gillick" => CompetenceBasis.Gillick,
            "sixteen-or-over" => CompetenceBasis.SixteenOrOver,
            _ => (CompetenceBasis?)null,
        };
        if (basis is null) errors.Add("basis", "The basis must be gillick or sixteen-or-over.");
        var note = ConsentRules.OptionalText(errors, "note", request?.Note, MaxNoteLength);
        if (errors.Refusal is { } invalid) return invalid;

        var partyFor = purpose is null
            ? await visibility.PartyForAnyPurposeAsync(caller.OrgId!, cancellationToken)
            : await visibility.PartyForPurposesAsync(caller.OrgId!, [purpose], cancellationToken);
        if (partyFor is null) return ConsentVisibility.RegistryUnavailable;
        if (purpose is null ? partyFor.Count == 0 : !partyFor.Contains(purpose))
        {
            return Refusal.Forbidden(purpose is null
                ? "Only a practitioner whose organisation is party to an active agreement may assess competence for every purpose."
                : $"Only a practitioner whose organisation is party to an active agreement for {purpose} may assess competence for it.");
        }

        var now = clock.GetUtcNow();
        var command = new AssessCompetence(Guid.CreateVersion7(now), subjectId, purpose, outcome!.Value, basis!.Value, note, actor, now);
        var events = AssessCompetence.Decide(command);
        session.Events.StartStream<CompetenceAssessment>(command.AssessmentId, events);
        var assessment = CompetenceAssessment.From((CompetenceEvent.Assessed)events[0]);
        if (assessment.Outcome == CompetenceOutcome.Competent)
        {
            // In the same transaction: each live consent a parent or guardian gave for the purpose asks the young person to confirm it.
            var live = await session.Query<ConsentState>()
                .Where(c => c.Terms.SubjectId == subjectId && (c.Status == ConsentStatus.Active || c.Status == ConsentStatus.Paused))
                .ToListAsync(cancellationToken);
            foreach (var consent in live)
            {
                var asks = AskProxyConfirmation.Decide(consent, assessment, confirmation.Value.Validated(), actor, now);
                if (asks.Count > 0) session.Events.Append(consent.Id, consent.Version + asks.Count, asks);
            }
        }

        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/subjects/{subjectId}/competence", assessment);
    }

    public static async Task<Outcome<Ok<IReadOnlyList<CompetenceAssessment>>, Refused.Invalid, Refused.Forbidden, Refused.CheckUnavailable>> ListAsync(
        string subjectId,
        ClaimsPrincipal user,
        IQuerySession session,
        ConsentVisibility visibility,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(visibility);
        if (ConsentAccess.Unidentified(user, out var caller) is { } unidentified) return unidentified;
        var errors = new FieldErrors();
        errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        if (errors.Refusal is { } invalid) return invalid;
        if (ConsentAccess.IsYoungCarer(caller))
        {
            if (!string.Equals(caller.SubjectId, subjectId, StringComparison.Ordinal)) return Refusal.Forbidden("A young carer may read their own assessments only.");
        }
        else if (!ConsentAccess.IsPractitioner(caller))
        {
            return Refusal.Forbidden("Competence assessments are read by the young person and by practitioners of organisations their agreements tie.");
        }

        var assessments = await session.Query<CompetenceAssessment>().Where(a => a.SubjectId == subjectId).ToListAsync(cancellationToken);
        IEnumerable<CompetenceAssessment> shown = assessments;
        if (ConsentAccess.IsPractitioner(caller))
        {
            var partyFor = await visibility.PartyForAnyPurposeAsync(caller.OrgId!, cancellationToken);
            if (partyFor is null) return ConsentVisibility.RegistryUnavailable;
            shown = assessments.Where(a => a.Purpose is null ? partyFor.Count > 0 : partyFor.Contains(a.Purpose));
        }

        return TypedResults.Ok<IReadOnlyList<CompetenceAssessment>>([.. shown.OrderBy(a => a.AssessedAt).ThenBy(a => a.Id)]);
    }
}
