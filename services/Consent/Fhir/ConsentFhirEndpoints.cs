using Hl7.Fhir.Model;
using Bundle = Hl7.Fhir.Model.Bundle;
using FhirConsent = Hl7.Fhir.Model.Consent;

namespace ConsentPlatform.Consent.Fhir;

/// <summary>
/// The FHIR R4 facade's Consent (issue 21): read, vread, history and search, read-only, with the
/// same token and the same rules of who may see what as <c>/api/consents</c> (<see cref="ConsentVisibility"/>):
/// a consent the caller may not see is 404 exactly like an unknown id, and is never in a search.
/// Every version comes from the consent's own events (<see cref="ConsentHistoryEndpoint.Versions"/>),
/// mapped by the pure <see cref="ConsentResource"/>.
/// </summary>
public static class ConsentFhirEndpoints
{
    private static readonly string[] SearchParameters = ["patient", "status"];

    public static WebApplication MapConsentFhir(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var consents = app.MapGroup("/fhir/Consent")
            .RequireAuthorization(ConsentPolicies.Read)
            .WithTags("FHIR")
            .AnswersFhirJsonOnly();
        consents.MapGet("/", SearchAsync).WithName("FhirSearchConsent")
            .WithSummary("FHIR search: the consents of a young carer the caller may see (patient=, status=, _count=)")
            .ProducesOutcomes(400, 401, 403, 406, 503);
        consents.MapGet("/{id}", ReadAsync).WithName("FhirReadConsent")
            .WithSummary("FHIR read: a consent as it stands now")
            .ProducesOutcomes(400, 401, 403, 404, 406, 503);
        consents.MapGet("/{id}/_history", HistoryAsync).WithName("FhirConsentHistory")
            .WithSummary("FHIR history: every version of a consent, newest first")
            .ProducesOutcomes(400, 401, 403, 404, 406, 503);
        consents.MapGet("/{id}/_history/{vid}", VreadAsync).WithName("FhirVreadConsent")
            .WithSummary("FHIR vread: one version of a consent, as it was recorded")
            .ProducesOutcomes(400, 401, 403, 404, 406, 503);
        return app;
    }

    public static async Task<FhirResult> ReadAsync(string id, ClaimsPrincipal user, HttpRequest request, IQuerySession session, ConsentVisibility visibility, TimeProvider clock, CancellationToken cancellationToken)
    {
        FhirSearchRequest.Parse(request.Query, []);
        var (versions, receipts) = await VisibleVersionsAsync(id, user, session, visibility, cancellationToken);
        // As GET /api/consents/{id}: the status now (past expiresAt it reads expired before the job records it).
        return new FhirResult(ConsentResource.ToFhir(SnapshotOf(versions[^1], receipts, clock.GetUtcNow())));
    }

    public static async Task<FhirResult> VreadAsync(string id, string vid, ClaimsPrincipal user, HttpRequest request, IQuerySession session, ConsentVisibility visibility, CancellationToken cancellationToken)
    {
        FhirSearchRequest.Parse(request.Query, []);
        var (versions, receipts) = await VisibleVersionsAsync(id, user, session, visibility, cancellationToken);
        var version = long.TryParse(vid, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? versions.FirstOrDefault(v => v.Entry.Version == n)
            : null;
        if (version is null) throw new NotFoundException("This consent has no such version.");
        return new FhirResult(ConsentResource.ToFhir(SnapshotOf(version, receipts, at: null)));
    }

    public static async Task<FhirResult> HistoryAsync(string id, ClaimsPrincipal user, HttpRequest request, IQuerySession session, ConsentVisibility visibility, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var paging = FhirSearchRequest.Parse(request.Query, []);
        var (versions, receipts) = await VisibleVersionsAsync(id, user, session, visibility, cancellationToken);
        var baseUrl = FhirBase.Of(request);
        // FHIR's order: newest first.
        var newestFirst = versions.Reverse().ToList();
        var entries = paging.PageOf(newestFirst).Select(v =>
        {
            var resource = ConsentResource.ToFhir(SnapshotOf(v, receipts, at: null));
            var created = v.Entry.Version == 1;
            return new Bundle.EntryComponent
            {
                FullUrl = $"{baseUrl}/Consent/{resource.Id}",
                Resource = resource,
                Request = new Bundle.RequestComponent
                {
                    Method = created ? Bundle.HTTPVerb.POST : Bundle.HTTPVerb.PUT,
                    Url = created ? "Consent" : $"Consent/{resource.Id}",
                },
                Response = new Bundle.ResponseComponent
                {
                    Status = created ? "201 Created" : "200 OK",
                    Etag = $"W/\"{v.Entry.Version}\"",
                    LastModified = v.Entry.OccurredAt,
                },
            };
        });
        return new FhirResult(paging.ToBundle(Bundle.BundleType.History, $"{baseUrl}/Consent/{versions[0].State.Id}/_history", newestFirst.Count, entries, clock.GetUtcNow()));
    }

    public static async Task<FhirResult> SearchAsync(ClaimsPrincipal user, HttpRequest request, IQuerySession session, ConsentVisibility visibility, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var caller = Caller.From(user);
        var search = FhirSearchRequest.Parse(request.Query, SearchParameters);
        var errors = new FieldErrors();
        var patient = search["patient"] is { } p ? SubjectOf(p, errors) : null;
        var statuses = search["status"] is { } s ? StatusesOf(s, errors) : null;
        errors.ThrowIfAny();

        var now = clock.GetUtcNow();
        IReadOnlyList<ConsentState> matches = [];
        // A young carer naming another young carer finds nothing: an empty Bundle, never a hint.
        var another = ConsentAccess.IsYoungCarer(caller) && patient is not null && patient != ConsentAccess.SubjectToList(caller, null);
        if (!another)
        {
            var subject = SubjectToSearch(caller, patient);
            var consents = await session.Query<ConsentState>()
                .Where(c => c.Terms.SubjectId == subject)
                .OrderByDescending(c => c.GrantedAt)
                .ToListAsync(cancellationToken);
            var visible = await visibility.VisibleAsync(caller, consents, cancellationToken);
            matches = [.. visible.Where(c => statuses is null || statuses.Contains(ConsentResource.FhirStatusOf(c.StatusAt(now))))];
        }

        var page = search.PageOf(matches);
        var ids = page.Select(c => c.Id).ToList();
        var events = ids.Count == 0 ? [] : await session.Events.QueryAllRawEvents()
            .Where(e => ids.Contains(e.StreamId))
            .OrderBy(e => e.Version)
            .ToListAsync(cancellationToken);
        var receipts = ids.Count == 0 ? [] : await session.Query<ConsentReceipt>()
            .Where(r => ids.Contains(r.ConsentId))
            .ToListAsync(cancellationToken);
        var baseUrl = FhirBase.Of(request);
        var entries = page.Select(c =>
        {
            var versions = ConsentHistoryEndpoint.Versions(events.Where(e => e.StreamId == c.Id).Select(e => e.Data));
            return FhirSearchRequest.Match(baseUrl, ConsentResource.ToFhir(SnapshotOf(versions[^1], [.. receipts.Where(r => r.ConsentId == c.Id)], now)));
        }).ToList();
        return new FhirResult(search.ToBundle(Bundle.BundleType.Searchset, $"{baseUrl}/Consent", matches.Count, entries, now));
    }

    /// <summary>The version's snapshot: its status now (<paramref name="at"/>) for a read, else as recorded.</summary>
    private static ConsentFhirSnapshot SnapshotOf(ConsentVersion version, IReadOnlyList<ConsentReceipt> receipts, DateTimeOffset? at)
    {
        var consent = at is { } now ? ConsentResponse.From(version.State, now) : version.Entry.Consent;
        return new ConsentFhirSnapshot(consent, version.State.RecordedByOrgId, version.Entry.OccurredAt, ReceiptAgreements.At(receipts, version.Entry.Version));
    }

    /// <summary>Every version of the consent, if the caller may see it as it stands now; otherwise 404, exactly like an unknown id.</summary>
    private static async Task<(IReadOnlyList<ConsentVersion> Versions, IReadOnlyList<ConsentReceipt> Receipts)> VisibleVersionsAsync(
        string id, ClaimsPrincipal user, IQuerySession session, ConsentVisibility visibility, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(visibility);
        var caller = Caller.From(user);
        if (!Guid.TryParse(id, out var consentId)) throw new NotFoundException("No consent has this id.");
        var events = await session.Events.FetchStreamAsync(consentId, token: cancellationToken);
        var versions = ConsentHistoryEndpoint.Versions(events.Select(e => e.Data));
        if (versions.Count == 0) throw ConsentAccess.NotFound(consentId);
        await visibility.EnsureVisibleAsync(caller, versions[^1].State, cancellationToken);
        var receipts = await session.Query<ConsentReceipt>().Where(r => r.ConsentId == consentId).ToListAsync(cancellationToken);
        return (versions, receipts);
    }

    /// <summary>Whose consents: a young carer's own by default; anyone else must name the patient (400 otherwise).</summary>
    private static string SubjectToSearch(Caller caller, string? patient)
    {
        if (patient is null && !ConsentAccess.IsYoungCarer(caller))
        {
            throw new RequestValidationException("patient", "A search of consents names the young carer: patient={subjectId}.");
        }

        return ConsentAccess.SubjectToList(caller, patient);
    }

    /// <summary><c>patient</c>: the pseudonymous ledger id, alone or as <c>Patient/{id}</c>.</summary>
    private static string? SubjectOf(string value, FieldErrors errors)
    {
        var subject = value.StartsWith("Patient/", StringComparison.Ordinal) ? value["Patient/".Length..] : value;
        if (Vocabulary.SubjectId().IsMatch(subject)) return subject;
        errors.Add("patient", "patient must be a young carer's ledger id (1 to 64 letters, digits or hyphens), alone or as Patient/{id}.");
        return null;
    }

    /// <summary><c>status</c>: FHIR's Consent statuses, comma-separated for any of them.</summary>
    private static HashSet<FhirConsent.ConsentState>? StatusesOf(string value, FieldErrors errors)
    {
        var statuses = new HashSet<FhirConsent.ConsentState>();
        foreach (var code in value.Split(','))
        {
            var known = Enum.GetValues<FhirConsent.ConsentState>().Where(s => Hl7.Fhir.Utility.EnumUtility.GetLiteral(s) == code).ToList();
            if (known.Count == 1) statuses.Add(known[0]);
            else errors.Add("status", "status must be draft, proposed, active, rejected, inactive or entered-in-error (comma-separated for any of them).");
        }

        return statuses;
    }
}
