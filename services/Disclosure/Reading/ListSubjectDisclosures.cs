namespace ConsentPlatform.Disclosure.Reading;

/// <summary>
/// <c>GET /api/disclosures?subjectId=</c>: a subject's disclosures that the caller's organisation
/// requested or holds (every one for an auditor), newest first. Issue 20:
/// <c>?deletionRequest=open|overdue</c> (subjectId optional): the deletion requests not yet answered
/// (overdue: past their answer-by), the caller's organisation's as recipient (every one for an auditor).
/// </summary>
public static class ListSubjectDisclosuresEndpoint
{
    public static RouteGroupBuilder MapListSubjectDisclosures(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/", HandleAsync, "ListSubjectDisclosures");

    public static async Task<Outcome<Ok<IReadOnlyList<DisclosureResponse>>, Refused.Invalid, Refused.Forbidden>> HandleAsync(
        string? subjectId,
        string? deletionRequest,
        string? overrideReview,
        IQuerySession session,
        IOptions<OverrideOversightOptions> oversight,
        [AsParameters] DisclosureCall call)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(oversight);
        var caller = Caller.From(call.User);
        if (DisclosureAccess.Unidentified(caller) is { } unidentified) return unidentified;
        if (overrideReview is not null) return await OverridesToReviewAsync(overrideReview, caller, session, oversight.Value.OverrideReviewWithin, call.Clock.GetUtcNow(), call.CancellationToken);
        var errors = new FieldErrors();
        if (deletionRequest is not null and not ("open" or "overdue")) errors.Add("deletionRequest", "deletionRequest must be open or overdue.");
        // A subject's list needs the subject; the deletion requests may be narrowed to one.
        if (deletionRequest is null || subjectId is not null) errors.Required("subjectId", subjectId, Vocabulary.SubjectId(), "1 to 64 letters, digits or hyphens");
        if (errors.Refusal is { } invalid) return invalid;

        IQueryable<DisclosureState> query = session.Query<DisclosureState>();
        if (subjectId is not null) query = query.Where(d => d.Request.SubjectId == subjectId);
        if (deletionRequest is not null)
        {
            // Issue 20: deletion requests not yet answered; overdue once their answer-by has passed.
            query = query.Where(d => d.Deletion != null && d.Deletion.AnsweredAt == null);
            if (deletionRequest == "overdue")
            {
                var now = call.Clock.GetUtcNow();
                query = query.Where(d => d.Deletion!.AnswerBy <= now);
            }
        }

        if (!DisclosureAccess.IsAuditor(caller))
        {
            var org = caller.OrgId!;
            query = deletionRequest is null
                ? query.Where(d => d.Request.RequesterOrgId == org || d.Request.HolderOrgId == org)
                // A deletion request is the recipient's to answer: only its own organisation's are listed.
                : query.Where(d => d.Request.RequesterOrgId == org);
        }

        var found = await query.OrderByDescending(d => d.RequestedAt).Take(500).ToListAsync(call.CancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosureResponse>>([.. found.Select(DisclosureResponse.From)]);
    }

    /// <summary>
    /// Issue 20, <c>?overrideReview=due|overdue</c>: approved safeguarding overrides not yet reviewed
    /// (overdue: past the approval plus <c>Disclosure:OverrideReviewWithin</c>), oldest first; a
    /// Caldicott guardian's organisation's as holder, every one for an auditor; anyone else 403.
    /// </summary>
    private static async Task<Outcome<Ok<IReadOnlyList<DisclosureResponse>>, Refused.Invalid, Refused.Forbidden>> OverridesToReviewAsync(string filter, Caller caller, IQuerySession session, TimeSpan within, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (filter is not ("due" or "overdue"))
        {
            return Refusal.Invalid("overrideReview", "overrideReview must be due or overdue.");
        }

        var guardian = caller.IsInRole(PlatformRoles.CaldicottGuardian);
        if (!guardian && !DisclosureAccess.IsAuditor(caller)) return Refusal.Forbidden("Overrides to review are listed for Caldicott guardians and auditors.");
        IQueryable<DisclosureState> query = session.Query<DisclosureState>().Where(d => d.Approval != null && d.ApprovedAt != null && d.Review == null);
        if (filter == "overdue")
        {
            var approvedBefore = now - within;
            query = query.Where(d => d.ApprovedAt <= approvedBefore);
        }

        if (guardian && !DisclosureAccess.IsAuditor(caller))
        {
            var org = caller.OrgId!;
            query = query.Where(d => d.Request.HolderOrgId == org);
        }

        var found = await query.OrderBy(d => d.ApprovedAt).Take(500).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<DisclosureResponse>>([.. found.Select(DisclosureResponse.From)]);
    }
}
