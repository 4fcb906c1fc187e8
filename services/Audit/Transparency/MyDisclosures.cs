namespace ConsentPlatform.Audit.Transparency;

/// <summary>The purpose of a request, with the plain-English description from the DSA it was judged under (when one was).</summary>
public sealed record PurposeView(string Code, string? Description);

/// <summary>The DSA a request was judged under: its id, version and title.</summary>
public sealed record AgreementView(Guid DsaId, long Version, string? Title);

/// <summary>A decision in plain terms: the outcome, every reason (code and message), and when.</summary>
public sealed record DecisionView(ShareOutcome Outcome, IReadOnlyList<ShareReason> Reasons, DateTimeOffset DecidedAt);

/// <summary>
/// A safeguarding override: which organisation's safeguarding lead approved it (by code, and by
/// the name the DSA gives it when it names it), and when (never the rationale).
/// </summary>
public sealed record OverrideView(string ApprovedByOrgId, DateTimeOffset ApprovedAt, string? ApprovedByName = null);

/// <summary>A read of the package, or a refused one: when, by which organisation, which categories or why not.</summary>
public sealed record ReadView(DateTimeOffset At, string? OrgId, IReadOnlyList<string> Categories, IReadOnlyList<ShareReason> Reasons);

/// <summary>
/// Issue 20: the recipient was asked to delete what it read after the consent was withdrawn: when,
/// by when, and its answer (deleted, or retained and why) once given.
/// </summary>
public sealed record DeletionView(DateTimeOffset AskedAt, DateTimeOffset AnswerBy, DeletionOutcome? Outcome, string? Reason, DateTimeOffset? AnsweredAt);

/// <summary>
/// One request about the young carer, from its ask to its last read. <see cref="RequestedByName"/>
/// and <see cref="HolderName"/> are the organisations' names as the DSA the request was judged
/// under gives them (issue 16: names, not codes), null when no DSA judged it or it names neither.
/// Issue 20: <see cref="BlockedAt"/> (the consent was paused, withdrawn or expired before release),
/// <see cref="DestroyedAt"/> (withdrawn before any read: the data was destroyed) and
/// <see cref="Deletion"/> (withdrawn after a read: the recipient was asked to delete it).
/// <see cref="LedgerSequences"/> (issue 19, additive): the ledger sequences of the events shown, in
/// order, each provable with <c>GET /api/me/proofs?sequence=</c>.
/// </summary>
public sealed record MyDisclosure(
    Guid DisclosureId,
    DateTimeOffset RequestedAt,
    string RequestedByOrgId,
    string HolderOrgId,
    PurposeView Purpose,
    IReadOnlyList<string> DataCategories,
    ShareBasis Basis,
    string Status,
    DecisionView? Decision,
    AgreementView? Dsa,
    OverrideView? SafeguardingOverride,
    DateTimeOffset? ReleasedAt,
    IReadOnlyList<string> ReleasedCategories,
    DateTimeOffset? AvailableUntil,
    IReadOnlyList<ReadView> ReleaseRefusals,
    IReadOnlyList<ReadView> Reads,
    IReadOnlyList<ReadView> RefusedReads,
    DateTimeOffset? PurgedAt,
    string? RequestedByName = null,
    string? HolderName = null,
    DateTimeOffset? BlockedAt = null,
    DateTimeOffset? DestroyedAt = null,
    DeletionView? Deletion = null,
    IReadOnlyList<long>? LedgerSequences = null);

/// <summary>
/// <c>GET /api/me/disclosures</c> (YoungCarer): every request about the caller's own subject id,
/// taken from the token and nothing else, so no other subject is reachable. Read from the
/// transparency read model (<see cref="TransparencyProjection"/>, folded from the ledger as entries
/// are appended): who asked, for what (with the DSA's description), which categories, the decision and its
/// reasons, the release and each read (and refused read), the DSA, and any safeguarding override
/// with the approving organisation but not the rationale; and (issue 20) what the young person's
/// pause or withdrawal did: blocked, destroyed, asked to delete and the answer. A request whose
/// safeguarding override a lead's notice delay still covers is left out until the delay ends. Newest request first.
/// </summary>
public static class MyDisclosuresEndpoint
{
    public static RouteGroupBuilder MapMyDisclosures(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/disclosures", HandleAsync, "MyDisclosures", policy: PlatformRoles.YoungCarer);

    public static async Task<Outcome<Ok<IReadOnlyList<MyDisclosure>>, Refused.Forbidden>> HandleAsync(ClaimsPrincipal user, TransparencyProjection transparency, LedgerReader ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transparency);
        ArgumentNullException.ThrowIfNull(clock);
        var subjectId = Caller.From(user).SubjectId;
        if (string.IsNullOrEmpty(subjectId)) return Refusal.Forbidden("The token names no subject.");
        var states = await transparency.ForSubjectAsync(subjectId, cancellationToken);
        return TypedResults.Ok(await ViewsAsync(states, ledger, clock.GetUtcNow(), cancellationToken));
    }

    /// <summary>
    /// The view of the requests' states at <paramref name="now"/>: a request still under a notice
    /// delay left out, each named as the DSA it was judged under names its organisations (the
    /// DSAs' few drafted and amended entries, read from the ledger), newest request first.
    /// </summary>
    public static async Task<IReadOnlyList<MyDisclosure>> ViewsAsync(IReadOnlyList<DisclosureTransparency> states, LedgerReader ledger, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(ledger);
        var dsaIds = states.Select(s => s.Decided?.Decision.DsaId).OfType<Guid>().Distinct().ToList();
        var agreements = dsaIds.Count == 0
            ? []
            : (await ledger.ListAsync([.. dsaIds.Select(EntryKeys.Dsa)], [nameof(DsaDrafted), nameof(DsaAmended)], cancellationToken)).Select(e => e.Event).ToList();

        return [.. states
            .OrderBy(s => s.FirstSequence)
            // Issue 20: while a safeguarding lead's notice delay is in force, the young person does not see that request at all.
            .Where(s => !s.NoticeDelayInForce(now))
            .Select(s => Build(s, agreements))
            .OfType<MyDisclosure>()
            .OrderByDescending(d => d.RequestedAt)];
    }

    /// <summary>A notice delay set and neither ended by the job nor past its end by the clock.</summary>
    public static bool NoticeDelayInForce(IReadOnlyList<IPlatformEvent> events, DateTimeOffset now) =>
        events.OfType<OverrideNoticeDelayed>().LastOrDefault() is { } delayed
        && delayed.Until > now
        && !events.OfType<OverrideNoticeDelayEnded>().Any();

    private static MyDisclosure? Build(DisclosureTransparency state, List<IPlatformEvent> agreements)
    {
        if (state.Requested is not { } requested) return null;
        var decided = state.Decided;
        var content = decided?.Decision.DsaId is { } dsaId ? ContentAt(agreements, dsaId, decided.Decision.DsaVersion ?? long.MaxValue) : null;
        var status = state.DestroyedAt is not null ? "destroyed"
            : state.PurgedAt is not null ? "purged"
            : state.Released is not null ? "released"
            : state.BlockedAt is not null ? "blocked"
            : decided?.Status ?? "requested";

        return new MyDisclosure(
            state.DisclosureId,
            requested.At,
            requested.RequesterOrgId,
            requested.HolderOrgId,
            new PurposeView(requested.Purpose, content?.PurposeOf(requested.Purpose)?.Description),
            requested.DataCategories,
            requested.Basis,
            status,
            decided is null ? null : new DecisionView(decided.Decision.Outcome, decided.Decision.Reasons, decided.At),
            decided?.Decision.DsaId is { } id ? new AgreementView(id, decided.Decision.DsaVersion ?? 0, content?.Title) : null,
            state.Approval is not { } approval ? null : new OverrideView(approval.ApprovedByOrgId, approval.ApprovedAt, NameIn(content, approval.ApprovedByOrgId)),
            state.Released?.At,
            state.Released?.Categories ?? [],
            state.Released?.AvailableUntil,
            state.ReleaseRefusals ?? [],
            state.Reads ?? [],
            state.RefusedReads ?? [],
            state.PurgedAt,
            NameIn(content, requested.RequesterOrgId),
            NameIn(content, requested.HolderOrgId),
            state.BlockedAt,
            state.DestroyedAt,
            state.Deletion is not { } deletion
                ? null
                : new DeletionView(deletion.AskedAt, deletion.AnswerBy, state.DeletionAnswer?.Outcome, state.DeletionAnswer?.Reason, state.DeletionAnswer?.AnsweredAt),
            state.LedgerSequences);
    }

    private static string? NameIn(DsaContent? content, string orgId) => content?.PartyOf(orgId)?.Name;

    /// <summary>The DSA's content at a version: from the last drafted or amended event at or below it.</summary>
    private static DsaContent? ContentAt(List<IPlatformEvent> agreements, Guid dsaId, long version)
    {
        DsaContent? content = null;
        var found = long.MinValue;
        foreach (var e in agreements)
        {
            var (id, v, c) = e switch
            {
                DsaDrafted d => (d.DsaId, d.Version, d.Content),
                DsaAmended a => (a.DsaId, a.Version, a.Content),
                _ => (Guid.Empty, long.MinValue, null),
            };
            if (c is not null && id == dsaId && v <= version && v > found)
            {
                (content, found) = (c, v);
            }
        }

        return content;
    }
}
