using Hl7.Fhir.Model;
using Bundle = Hl7.Fhir.Model.Bundle;

namespace ConsentPlatform.Audit.Fhir;

/// <summary>
/// <c>GET /fhir/AuditEvent?entity={disclosureId}</c> and <c>?patient={subjectId}&amp;date=</c> (issue 21):
/// one AuditEvent per decision, release, read and refusal, from the ledger, oldest first (by when it happened). An auditor
/// sees every one; a young carer only those about themselves, exactly as on their own page
/// (<c>GET /api/me/disclosures</c>): organisations but not the people who acted, and nothing of a
/// request while a safeguarding lead's notice delay is in force. Another young carer's events are
/// simply not found: an empty Bundle.
/// </summary>
public static class AuditEventFhirEndpoint
{
    private static readonly string[] SearchParameters = ["entity", "patient", "date"];

    public static WebApplication MapAuditEventFhir(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/fhir/AuditEvent", SearchAsync)
            .RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Roles, PlatformRoles.Auditor, PlatformRoles.YoungCarer))
            .WithTags("FHIR")
            .AnswersFhirJsonOnly()
            .WithName("FhirSearchAuditEvent")
            .WithSummary("FHIR search: the audit ledger's record of each decision, release, read and refusal of a share (entity=, patient=, date=)")
            .ProducesOutcomes(400, 401, 403, 406);
        return app;
    }

    public static async Task<FhirResult> SearchAsync(ClaimsPrincipal user, HttpRequest request, LedgerReader ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        var search = FhirSearchRequest.Parse(request.Query, SearchParameters, repeatable: ["date"]);
        var errors = new FieldErrors();
        Guid? disclosureId = null;
        if (search["entity"] is { } entity)
        {
            var id = entity.StartsWith("Disclosure/", StringComparison.Ordinal) ? entity["Disclosure/".Length..] : entity;
            if (Guid.TryParse(id, out var parsed)) disclosureId = parsed;
            else errors.Add("entity", "entity must be a disclosure id (a UUID).");
        }

        string? patient = null;
        if (search["patient"] is { } p)
        {
            patient = p.StartsWith("Patient/", StringComparison.Ordinal) ? p["Patient/".Length..] : p;
            if (!Vocabulary.SubjectId().IsMatch(patient)) errors.Add("patient", "patient must be a young carer's ledger id (1 to 64 letters, digits or hyphens), alone or as Patient/{id}.");
        }

        var dates = search.All("date").Select(d => FhirDateFilter.Parse(d, errors)).ToList();
        if (disclosureId is null && patient is null && !errors.Any) errors.Add("entity", "A search of audit events names a disclosure (entity=) or a young carer (patient=).");
        errors.ThrowIfAny();

        var youngCarer = caller.IsInRole(PlatformRoles.YoungCarer);
        if (youngCarer && string.IsNullOrEmpty(caller.SubjectId)) throw new ForbiddenException("The token acts for no young carer's ledger id.");
        var now = clock.GetUtcNow();
        IReadOnlyList<LedgeredEvent> matches = [];
        // A young carer naming another young carer finds nothing: an empty Bundle, never a hint.
        if (!(youngCarer && patient is not null && patient != caller.SubjectId))
        {
            var key = disclosureId is { } d ? EntryKeys.Disclosure(d) : EntryKeys.Subject(patient!);
            var events = await ledger.ListAsync([key], [.. AuditEventResource.EventTypes, nameof(Contracts.Disclosure.OverrideNoticeDelayed), nameof(Contracts.Disclosure.OverrideNoticeDelayEnded)], cancellationToken);
            var hidden = youngCarer ? DelayedDisclosures(events, now) : [];
            matches =
            [
                .. events.Where(e => AuditEventResource.KindOf(e.Event) is not null
                                     && (patient is null || e.Event.SubjectId == patient)
                                     && (disclosureId is null || AuditEventResource.DisclosureIdOf(e.Event) == disclosureId)
                                     && (!youngCarer || e.Event.SubjectId == caller.SubjectId)
                                     && !hidden.Contains(AuditEventResource.DisclosureIdOf(e.Event)!.Value)
                                     && dates.All(f => f.Matches(e.Event.OccurredAt)))
                    // When it happened, then the ledger's order: batches may ledger events a moment out of order.
                    .OrderBy(e => e.Event.OccurredAt)
                    .ThenBy(e => e.Sequence),
            ];
        }

        var baseUrl = FhirBase.Of(request);
        var entries = search.PageOf(matches)
            .Select(e => FhirSearchRequest.Match(baseUrl, AuditEventResource.ToFhir(e.Event, e.Sequence, namePeople: !youngCarer)!));
        return new FhirResult(search.ToBundle(Bundle.BundleType.Searchset, $"{baseUrl}/AuditEvent", matches.Count, entries, now));
    }

    /// <summary>The disclosures a safeguarding lead's notice delay still hides from the young person (as their own page does).</summary>
    private static HashSet<Guid> DelayedDisclosures(IReadOnlyList<LedgeredEvent> events, DateTimeOffset now) =>
    [
        .. events.Select(e => e.Event)
            .GroupBy(DelayedDisclosureIdOf)
            .Where(g => g.Key is not null && MyDisclosuresEndpoint.NoticeDelayInForce([.. g], now))
            .Select(g => g.Key!.Value),
    ];

    private static Guid? DelayedDisclosureIdOf(IPlatformEvent e) => e switch
    {
        Contracts.Disclosure.OverrideNoticeDelayed x => x.DisclosureId,
        Contracts.Disclosure.OverrideNoticeDelayEnded x => x.DisclosureId,
        _ => AuditEventResource.DisclosureIdOf(e),
    };
}

/// <summary>
/// One <c>date</c> search parameter: a prefix (<c>eq</c> when none, <c>ne</c>, <c>gt</c>,
/// <c>lt</c>, <c>ge</c>, <c>le</c>) and a date, date-time or instant, as FHIR's date search has it:
/// the value is a range (a whole day for a date) and <c>eq</c> matches an event inside it. Give it
/// twice for a range (<c>date=ge2026-01-01&amp;date=lt2026-02-01</c>).
/// </summary>
public sealed record FhirDateFilter(string Prefix, DateTimeOffset Start, DateTimeOffset End)
{
    private static readonly string[] Prefixes = ["eq", "ne", "gt", "lt", "ge", "le"];

    public bool Matches(DateTimeOffset at) => Prefix switch
    {
        "eq" => at >= Start && at < End,
        "ne" => at < Start || at >= End,
        "gt" => at >= End,
        "ge" => at >= Start,
        "lt" => at < Start,
        "le" => at < End,
        _ => false,
    };

    public static FhirDateFilter Parse(string value, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(errors);
        var prefix = value.Length > 2 && Prefixes.Contains(value[..2], StringComparer.Ordinal) ? value[..2] : "eq";
        var text = prefix == "eq" && !value.StartsWith("eq", StringComparison.Ordinal) ? value : value[2..];
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return new FhirDateFilter(prefix, start, start.AddDays(1));
        }

        if (text.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            && (text.EndsWith('Z') || text.Length > 6 && text[^6] is '+' or '-'))
        {
            // An instant to the second (or finer): the range of that second.
            return new FhirDateFilter(prefix, instant, instant.AddSeconds(1));
        }

        errors.Add("date", "date must be a prefix (eq, ne, gt, lt, ge, le) and a date (2026-03-01) or an instant with its time zone (2026-03-01T09:00:00Z).");
        return new FhirDateFilter("eq", DateTimeOffset.MinValue, DateTimeOffset.MinValue);
    }
}
