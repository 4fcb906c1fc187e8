namespace ConsentPlatform.Consent.Linking;

/// <summary>
/// <c>GET /api/me/links</c>: the sign-ins linked to the young carer's ledger id (the one in use
/// marked); <c>DELETE /api/me/links/{linkId}</c>: end one, after which it acts for nobody. A young
/// carer not linked (or not yet) has none; another young carer's link is "not found".
/// </summary>
public static class MyLinksEndpoints
{
    public static RouteGroupBuilder MapMyLinks(this RouteGroupBuilder group) =>
        group
            .MapSlice(HttpMethods.Get, "/", ListAsync, "ListMyLinks", ConsentPolicies.Answer, "The sign-ins linked to my ledger id")
            .MapSlice(HttpMethods.Delete, "/{linkId:guid}", EndAsync, "EndMyLink", ConsentPolicies.Answer, "End a linked sign-in: it no longer acts for my ledger id");

    public static async Task<Ok<IReadOnlyList<LinkedSignIn>>> ListAsync(ClaimsPrincipal user, IQuerySession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var subjectId = Caller.From(user).SubjectId;
        if (string.IsNullOrEmpty(subjectId)) return TypedResults.Ok<IReadOnlyList<LinkedSignIn>>([]);
        var signIn = SignIns.HashOf(user);
        var links = await session.Query<SubjectLink>()
            .Where(l => l.SubjectId == subjectId && l.Status == SubjectLinkStatus.Linked)
            .OrderBy(l => l.LinkedAt)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<LinkedSignIn>>([.. links.Select(l => new LinkedSignIn(l.Id, l.SubjectId, l.LinkedAt!.Value, l.SignInHash == signIn))]);
    }

    public static async Task<Outcome<NoContent, Refused.NotFound, Refused.Conflict>> EndAsync(Guid linkId, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        var subjectId = Caller.From(user).SubjectId;
        var link = await session.LoadAsync<SubjectLink>(linkId, cancellationToken);
        if (link is null || string.IsNullOrEmpty(subjectId) || !string.Equals(link.SubjectId, subjectId, StringComparison.Ordinal) || link.Status == SubjectLinkStatus.Issued)
        {
            return Refusal.NotFound($"Link {linkId} was not found.");
        }

        if (link.Status == SubjectLinkStatus.Ended) return Refusal.Conflict("This link has been ended already.");
        session.Events.Append(link.Id, link.Version + 1, new SignInUnlinked(link.Id, link.SubjectId, link.SignInHash!, EventActors.ActorOf(user), clock.GetUtcNow()));
        try
        {
            await session.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyException)
        {
            return Refusal.Conflict("This link changed while the request was handled; read it again.");
        }

        return TypedResults.NoContent();
    }
}
