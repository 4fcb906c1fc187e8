namespace ConsentPlatform.Consent.Granting;

/// <summary><c>POST /api/consents</c>. Every field is nullable so that a missing one is a per-field 400, not a JSON error.</summary>
public sealed record GrantConsentRequest(
    string? SubjectId,
    string? Purpose,
    IReadOnlyList<string?>? RecipientOrgIds,
    IReadOnlyList<string?>? DataCategories,
    DateTimeOffset? ExpiresAt,
    GivenBy? GivenBy,
    ProxyRequest? Proxy = null);

/// <summary>Who gave a proxy consent (issue 20): required when <c>givenBy</c> is parent or guardian, refused when it is self.</summary>
public sealed record ProxyRequest(string? Relationship, string? Name);

/// <summary>Give consent on <paramref name="Terms"/>: by the young carer, or recorded by a practitioner in person.</summary>
public sealed record GrantConsent(Guid ConsentId, ConsentTerms Terms, EventActor Actor, DateTimeOffset Now)
{
    public static Decision Decide(GrantConsent command, ConsentState? state)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state is not null) return Refusal.Conflict($"Consent {command.ConsentId} has already been granted.");
        if (command.Terms.ExpiresAt is { } expiresAt && expiresAt <= command.Now) return Refusal.Invalid("expiresAt", "The expiresAt field must be in the future.");

        return [new ConsentEvent.Granted(command.ConsentId, 1, command.Terms, command.Actor, command.Now)];
    }
}

public static class GrantConsentEndpoint
{
    public static RouteGroupBuilder MapGrantConsent(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Post, "/", HandleAsync, "GrantConsent", ConsentPolicies.Act);

    public static async Task<Outcome<Created<ConsentResponse>, Refused.Invalid, Refused.Forbidden, Refused.Conflict>> HandleAsync(
        GrantConsentRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(response);
        var caller = Caller.From(user);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var terms = Validate(errors, request, now);
        if (errors.Refusal is { } invalid) return invalid;
        if (ConsentAccess.RefusalToGrantFor(caller, terms.SubjectId) is { } forbidden) return forbidden;
        if (terms.GivenBy != GivenBy.Self)
        {
            // Issue 20: a competent young person's own choice prevails; no proxy consents for them.
            var assessments = await session.Query<CompetenceAssessment>().Where(a => a.SubjectId == terms.SubjectId).ToListAsync(cancellationToken);
            if (StandingCompetence.For(assessments, terms.Purpose) is { Outcome: CompetenceOutcome.Competent } standing)
            {
                return Refusal.Conflict(
                    $"The young person was assessed competent to decide about {terms.Purpose} on {standing.AssessedAt:yyyy-MM-dd}: only they may consent to it, not a parent or guardian.");
            }
        }

        // A live consent already past its expiry is recorded as expired first (in the same
        // transaction), so that it does not block the new one until the expiry job passes by.
        var liveKey = ConsentState.LiveKeyOf(terms.SubjectId, terms.Purpose);
        var live = await session.Query<ConsentState>().Where(c => c.LiveKey == liveKey).FirstOrDefaultAsync(cancellationToken);
        if (live is not null)
        {
            if (live.StatusAt(now) != ConsentStatus.Expired) return SecondLiveConsent(terms);
            var stale = await session.Events.FetchForWriting<ConsentState>(live.Id, cancellationToken);
            if (stale.Aggregate is { } current) stale.AppendMany(ExpireConsent.Decide(new ExpireConsent(live.Id, now), current));
        }

        var command = new GrantConsent(Guid.CreateVersion7(now), terms, EventActors.ActorOf(caller), now);
        var decision = GrantConsent.Decide(command, state: null);
        if (decision.Refusal is { } refused) return refused;
        session.Events.StartStream<ConsentState>(command.ConsentId, decision.Events);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (ConsentChanges.IsUniqueViolation(e) || e is ConcurrencyException)
        {
            // Another grant for the same subject and purpose committed first.
            return SecondLiveConsent(terms);
        }

        return ConsentChanges.Started(decision.Events, now, response);
    }

    /// <summary>The terms of a grant; bad fields go to <paramref name="errors"/>, and the terms mean something only without any.</summary>
    public static ConsentTerms Validate(FieldErrors errors, GrantConsentRequest? request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("$", "A JSON body is required.");
            return NoTerms;
        }

        var terms = ValidateTerms(errors, request.SubjectId, request.Purpose, request.RecipientOrgIds, request.DataCategories, request.ExpiresAt, request.GivenBy ?? GivenBy.Self, now);
        if (request.GivenBy is null)
        {
            errors.Add("givenBy", "The givenBy field is required: self, parent or guardian.");
        }

        var proxy = ValidateProxy(errors, request.GivenBy, request.Proxy);
        return terms with { Proxy = proxy };
    }

    /// <summary>The terms of a request without a body: never used, the request is refused.</summary>
    internal static readonly ConsentTerms NoTerms = new("", "", [], [], GivenBy.Self, null);

    public const int MaxRelationshipLength = 50;
    public const int MaxProxyNameLength = 100;

    /// <summary>
    /// Issue 20: a parent's or guardian's consent records who gave it (<c>proxy.relationship</c>,
    /// 1 to 50 characters, and an optional <c>proxy.name</c> of at most 100); the young carer's own
    /// consent has no proxy.
    /// </summary>
    private static ConsentProxy? ValidateProxy(FieldErrors errors, GivenBy? givenBy, ProxyRequest? proxy)
    {
        if (givenBy is null) return null;
        if (givenBy == GivenBy.Self)
        {
            if (proxy is not null) errors.Add("proxy", "A consent the young carer gives is their own: leave proxy out.");
            return null;
        }

        var relationship = proxy?.Relationship?.Trim();
        var name = string.IsNullOrWhiteSpace(proxy?.Name) ? null : proxy.Name.Trim();
        if (string.IsNullOrEmpty(relationship)) errors.Add("proxy.relationship", "Say who gave this consent for the young person, for example mother or special guardian.");
        else if (relationship.Length > MaxRelationshipLength) errors.Add("proxy.relationship", $"The relationship may be at most {MaxRelationshipLength} characters long.");
        if (name is { Length: > MaxProxyNameLength }) errors.Add("proxy.name", $"The name may be at most {MaxProxyNameLength} characters long.");
        return string.IsNullOrEmpty(relationship) ? null : new ConsentProxy(relationship, name);
    }

    /// <summary>The terms' fields, shared with a proposal's; errors go to <paramref name="errors"/> and the result is only meaningful without any.</summary>
    public static ConsentTerms ValidateTerms(
        FieldErrors errors,
        string? subjectId,
        string? purpose,
        IReadOnlyList<string?>? recipientOrgIds,
        IReadOnlyList<string?>? dataCategories,
        DateTimeOffset? expiresAt,
        GivenBy givenBy,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        errors.Required("purpose", purpose, Vocabulary.Purpose(), "a purpose code: 1 to 64 lower-case letters, digits or hyphens");
        var recipients = ConsentRules.Recipients(errors, recipientOrgIds);
        var categories = ConsentRules.Categories(errors, dataCategories);
        if (expiresAt is { } end && end <= now)
        {
            errors.Add("expiresAt", "The expiresAt field must be in the future.");
        }

        return new ConsentTerms(subjectId ?? "", purpose ?? "", recipients, categories, givenBy, expiresAt?.ToUniversalTime());
    }

    private static Refusal SecondLiveConsent(ConsentTerms terms) =>
        Refusal.Conflict($"Subject {terms.SubjectId} already has a live consent for purpose '{terms.Purpose}': withdraw it before granting another.");
}
