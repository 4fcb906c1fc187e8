namespace ConsentPlatform.Consent.Proposing;

/// <summary><c>POST /api/consents/proposals</c>. Every field is nullable so that a missing one is a per-field 400, not a JSON error.</summary>
public sealed record ProposeConsentRequest(
    string? SubjectId,
    string? Purpose,
    IReadOnlyList<string?>? RecipientOrgIds,
    IReadOnlyList<string?>? DataCategories,
    DateTimeOffset? ExpiresAt,
    string? Note);

/// <summary>
/// Ask the young person to agree to <paramref name="Terms"/>, instead of recording a consent they
/// gave in person. They answer by <c>Now + Lifetime</c> (sooner if the terms themselves end sooner),
/// or it lapses.
/// </summary>
public sealed record ProposeConsent(Guid ConsentId, ConsentTerms Terms, string? Note, EventActor Actor, TimeSpan Lifetime, DateTimeOffset Now)
{
    public static Decision Decide(ProposeConsent command, ConsentState? state)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (state is not null) return Refusal.Conflict($"Consent {command.ConsentId} already exists.");
        if (command.Terms.ExpiresAt is { } expiresAt && expiresAt <= command.Now) return Refusal.Invalid("expiresAt", "The expiresAt field must be in the future.");

        // No answer can outlive the terms it would agree to.
        var answerBy = command.Now + command.Lifetime;
        if (command.Terms.ExpiresAt is { } end && end < answerBy) answerBy = end;
        return [new ConsentEvent.Proposed(command.ConsentId, 1, command.Terms, command.Note, command.Actor, command.Now, answerBy)];
    }
}

/// <summary><c>Consent:ProposalLifetime</c>: how long the young person has to answer a proposal (default 30 days).</summary>
public sealed class ProposalOptions
{
    public const string Section = "Consent";

    public TimeSpan ProposalLifetime { get; set; } = TimeSpan.FromDays(30);
}

public static class ProposeConsentEndpoint
{
    public const int MaxNoteLength = 500;

    public static RouteGroupBuilder MapProposeConsent(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Post, "/proposals", HandleAsync, "ProposeConsent", ConsentPolicies.Propose,
            summary: "Propose a consent for the young person to accept or decline");

    public static async Task<Outcome<Created<ConsentResponse>, Refused.Invalid, Refused.Forbidden>> HandleAsync(
        ProposeConsentRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        IOptions<ProposalOptions> options,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(response);
        var caller = Caller.From(user);
        var now = clock.GetUtcNow();
        var errors = new FieldErrors();
        var (terms, note) = Validate(errors, request, now);
        if (errors.Refusal is { } invalid) return invalid;

        // The practitioner's organisation is tied to the proposal as its recorder (RecordedByOrgId),
        // as for a consent recorded in person. A proposal is not live, so nothing here can clash.
        if (ConsentAccess.Unidentified(caller) is { } unidentified) return unidentified;
        var command = new ProposeConsent(Guid.CreateVersion7(now), terms, note, EventActors.ActorOf(caller), options.Value.ProposalLifetime, now);
        var decision = ProposeConsent.Decide(command, state: null);
        if (decision.Refusal is { } refused) return refused;
        session.Events.StartStream<ConsentState>(command.ConsentId, decision.Events);
        await session.SaveChangesAsync(cancellationToken);
        return ConsentChanges.Started(decision.Events, now, response);
    }

    /// <summary>The grant's rules for the terms (a proposal is addressed to the young person: <c>givenBy</c> is <c>self</c>), and a note of at most 500 characters; bad fields go to <paramref name="errors"/>.</summary>
    public static (ConsentTerms Terms, string? Note) Validate(FieldErrors errors, ProposeConsentRequest? request, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (request is null)
        {
            errors.Add("$", "A JSON body is required.");
            return (GrantConsentEndpoint.NoTerms, null);
        }

        var terms = GrantConsentEndpoint.ValidateTerms(
            errors, request.SubjectId, request.Purpose, request.RecipientOrgIds, request.DataCategories, request.ExpiresAt, GivenBy.Self, now);
        var note = ConsentRules.OptionalText(errors, "note", request.Note, MaxNoteLength);
        return (terms, note);
    }
}
