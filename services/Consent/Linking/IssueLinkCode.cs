namespace ConsentPlatform.Consent.Linking;

/// <summary><c>POST /api/link-codes</c>: the young carer's ledger id travels in the body, so that no answer or log line echoes it from the address.</summary>
public sealed record IssueLinkCodeRequest(string? SubjectId);

/// <summary><c>Consent:LinkCodeLifetime</c>: how long a link code may be used (default one hour; 5 minutes to 7 days).</summary>
public sealed class LinkCodeOptions
{
    public const string Section = "Consent";
    public static readonly TimeSpan Shortest = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan Longest = TimeSpan.FromDays(7);

    public TimeSpan LinkCodeLifetime { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan Lifetime => LinkCodeLifetime < Shortest ? Shortest : LinkCodeLifetime > Longest ? Longest : LinkCodeLifetime;
}

/// <summary>
/// A practitioner issues a one-time code that links a young carer's own sign-in to their ledger id
/// (issue 18). Only a practitioner who may see at least one of the young carer's consents (the same
/// rule as reading them); for anyone else the young carer is unknown: 404, as for an id nobody has.
/// </summary>
public sealed record IssueLinkCode(Guid CodeId, string SubjectId, string CodeHash, EventActor Actor, TimeSpan Lifetime, DateTimeOffset Now)
{
    public static Decision Decide(IssueLinkCode command, int visibleConsents)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (visibleConsents == 0) return UnknownSubject;
        return [new LinkCodeIssued(command.CodeId, command.SubjectId, command.CodeHash, command.Now + command.Lifetime, command.Actor, command.Now)];
    }

    /// <summary>Never echoes the ledger id: to this caller it is not a young carer the platform knows.</summary>
    public static readonly Refusal UnknownSubject =
        Refusal.NotFound("No consent of this young carer concerns your organisation, so you cannot link their sign-in.");
}

public static class IssueLinkCodeEndpoint
{
    public static RouteGroupBuilder MapIssueLinkCode(this RouteGroupBuilder group)
    {
        group.MapPost("/", HandleAsync)
            .RequireAuthorization(ConsentPolicies.Propose)
            .WithName("IssueLinkCode")
            .WithSummary("Issue a one-time code that links a young carer's own sign-in to their ledger id (practitioners who may see their consents)")
            .WithDescription("The code is shown once, in this answer only, and is never stored: only its hash. It works once, until expiresAt (Consent:LinkCodeLifetime).");
        return group;
    }

    public static async Task<Outcome<Created<IssuedLinkCode>, Refused.Invalid, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(
        IssueLinkCodeRequest? request,
        ClaimsPrincipal user,
        IDocumentSession session,
        ConsentVisibility visibility,
        IOptions<LinkCodeOptions> options,
        TimeProvider clock,
        HttpResponse response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(visibility);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(response);
        var errors = new FieldErrors();
        var subjectId = request?.SubjectId;
        errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        if (errors.Refusal is { } invalid) return invalid;

        var caller = Caller.From(user);
        var consents = await session.Query<ConsentState>().Where(c => c.Terms.SubjectId == subjectId).ToListAsync(cancellationToken);
        var (visible, unavailable) = await visibility.SeeAsync(caller, consents, cancellationToken);
        if (unavailable is not null) return unavailable;

        var code = LinkCode.New();
        if (ConsentAccess.Unidentified(caller) is { } unidentified) return unidentified;
        var command = new IssueLinkCode(Guid.NewGuid(), subjectId!, LinkCode.HashOf(LinkCode.Normalise(code)!), EventActors.ActorOf(caller), options.Value.Lifetime, clock.GetUtcNow());
        var decision = IssueLinkCode.Decide(command, visible.Count);
        if (decision.Refusal is { } refused) return refused;
        var events = decision.Events;
        session.Events.StartStream<SubjectLink>(command.CodeId, events);
        await session.SaveChangesAsync(cancellationToken);

        // Shown once: no cache, no proxy, may keep it.
        response.Headers.CacheControl = "no-store";
        var issued = (LinkCodeIssued)events[0];
        return TypedResults.Created($"/api/link-codes/{command.CodeId}", new IssuedLinkCode(command.CodeId, subjectId!, code, issued.ExpiresAt));
    }
}
