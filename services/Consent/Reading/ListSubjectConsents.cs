namespace ConsentPlatform.Consent.Reading;

/// <summary>
/// <c>GET /api/consents?subjectId=</c>: every consent of one subject, newest first, ended ones
/// included. A young carer may leave out <c>subjectId</c> (their own is meant) and may not name another.
/// </summary>
public static class ListSubjectConsentsEndpoint
{
    public static RouteGroupBuilder MapListSubjectConsents(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/", HandleAsync, "ListSubjectConsents");

    public static async Task<Outcome<Ok<IReadOnlyList<ConsentResponse>>, Refused.Invalid, Refused.Forbidden, Refused.CheckUnavailable>> HandleAsync(
        string? subjectId,
        ClaimsPrincipal user,
        IQuerySession session,
        ConsentVisibility visibility,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(visibility);
        var caller = Caller.From(user);
        if (subjectId is not null)
        {
            var errors = new FieldErrors();
            errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
            if (errors.Refusal is { } invalid) return invalid;
        }

        var subject = ConsentAccess.SubjectToList(caller, subjectId, out var refusal);
        if (refusal is not null) return refusal;
        var consents = await session.Query<ConsentState>()
            .Where(c => c.Terms.SubjectId == subject)
            .OrderByDescending(c => c.GrantedAt)
            .ToListAsync(cancellationToken);
        // A practitioner sees only the consents that concern their organisation; of a subject with
        // none, an empty list, exactly like a subject unknown to the platform.
        var (visible, unavailable) = await visibility.SeeAsync(caller, consents, cancellationToken);
        if (unavailable is not null) return unavailable;
        var now = clock.GetUtcNow();
        return TypedResults.Ok<IReadOnlyList<ConsentResponse>>([.. visible.Select(c => ConsentResponse.From(c, now))]);
    }
}
