using ConsentPlatform.Audit.Ledger;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.Contracts.Rules;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Security.Claims;

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
/// taken from the token and nothing else, so no other subject is reachable. Built from the ledger:
/// who asked, for what (with the DSA's description), which categories, the decision and its
/// reasons, the release and each read (and refused read), the DSA, and any safeguarding override
/// with the approving organisation but not the rationale; and (issue 20) what the young person's
/// pause or withdrawal did: blocked, destroyed, asked to delete and the answer. A request whose
/// safeguarding override a lead's notice delay still covers is left out until the delay ends. Newest request first.
/// </summary>
public static class MyDisclosuresEndpoint
{
    private static readonly string[] DisclosureTypes =
    [
        nameof(DisclosureRequested), nameof(DisclosureApproved), nameof(DisclosureDenied), nameof(DisclosureAwaitingOverrideApproval),
        nameof(SafeguardingOverrideApproved), nameof(DisclosureReleased), nameof(DisclosureReleaseRefused), nameof(PackageRead),
        nameof(PackageReadRefused), nameof(PackagePurged),
        nameof(DisclosureBlocked), nameof(PackageDestroyed), nameof(DeletionRequested), nameof(DeletionAnswered),
        nameof(OverrideNoticeDelayed), nameof(OverrideNoticeDelayEnded),
    ];

    public static RouteGroupBuilder MapMyDisclosures(this RouteGroupBuilder group)
    {
        group.MapGet("/disclosures", HandleAsync)
            .WithName("MyDisclosures")
            .RequireAuthorization(PlatformRoles.YoungCarer);
        return group;
    }

    public static async Task<Outcome<Ok<IReadOnlyList<MyDisclosure>>, Refused.Forbidden>> HandleAsync(ClaimsPrincipal user, LedgerReader ledger, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(clock);
        var now = clock.GetUtcNow();
        var subjectId = Caller.From(user).SubjectId;
        if (string.IsNullOrEmpty(subjectId)) return Refusal.Forbidden("The token names no subject.");

        var events = await ledger.ListAsync([EntryKeys.Subject(subjectId)], DisclosureTypes, cancellationToken);
        var byDisclosure = events
            .Where(e => string.Equals(e.Event.SubjectId, subjectId, StringComparison.Ordinal))
            .GroupBy(e => DisclosureIdOf(e.Event))
            .ToList();

        var dsaIds = events.Select(e => DecisionOf(e.Event)?.DsaId).OfType<Guid>().Distinct().ToList();
        var agreements = dsaIds.Count == 0
            ? []
            : (await ledger.ListAsync([.. dsaIds.Select(EntryKeys.Dsa)], [nameof(DsaDrafted), nameof(DsaAmended)], cancellationToken)).Select(e => e.Event).ToList();

        var views = byDisclosure
            // Issue 20: while a safeguarding lead's notice delay is in force, the young person does not see that request at all.
            .Where(g => !NoticeDelayInForce([.. g.Select(e => e.Event)], now))
            .Select(g => Build([.. g.Select(e => e.Event)], agreements) is { } view ? view with { LedgerSequences = [.. g.Select(e => e.Sequence)] } : null)
            .OfType<MyDisclosure>()
            .OrderByDescending(d => d.RequestedAt)
            .ToList();
        return TypedResults.Ok<IReadOnlyList<MyDisclosure>>(views);
    }

    /// <summary>A notice delay set and neither ended by the job nor past its end by the clock.</summary>
    public static bool NoticeDelayInForce(IReadOnlyList<IPlatformEvent> events, DateTimeOffset now) =>
        events.OfType<OverrideNoticeDelayed>().LastOrDefault() is { } delayed
        && delayed.Until > now
        && !events.OfType<OverrideNoticeDelayEnded>().Any();

    private static MyDisclosure? Build(List<IPlatformEvent> events, List<IPlatformEvent> agreements)
    {
        if (events.OfType<DisclosureRequested>().FirstOrDefault() is not { } requested) return null;
        var decided = events.LastOrDefault(e => e is DisclosureApproved or DisclosureDenied or DisclosureAwaitingOverrideApproval);
        var decision = decided is null ? null : DecisionOf(decided);
        var released = events.OfType<DisclosureReleased>().LastOrDefault();
        var purged = events.OfType<PackagePurged>().LastOrDefault();
        var approval = events.OfType<SafeguardingOverrideApproved>().LastOrDefault();
        var blocked = events.OfType<DisclosureBlocked>().LastOrDefault();
        var destroyed = events.OfType<PackageDestroyed>().LastOrDefault();
        var askedToDelete = events.OfType<DeletionRequested>().LastOrDefault();
        var deletionAnswer = events.OfType<DeletionAnswered>().LastOrDefault();
        var content = decision?.DsaId is { } dsaId ? ContentAt(agreements, dsaId, decision.Value.DsaVersion ?? long.MaxValue) : null;
        var status = destroyed is not null ? "destroyed"
            : purged is not null ? "purged"
            : released is not null ? "released"
            : blocked is not null ? "blocked"
            : decided switch
            {
                DisclosureApproved => "approved",
                DisclosureDenied => "denied",
                DisclosureAwaitingOverrideApproval => "awaiting-override-approval",
                _ => "requested",
            };

        return new MyDisclosure(
            requested.DisclosureId,
            requested.OccurredAt,
            requested.RequesterOrgId,
            requested.HolderOrgId,
            new PurposeView(requested.Purpose, content?.PurposeOf(requested.Purpose)?.Description),
            requested.DataCategories,
            requested.Basis,
            status,
            decision is { } judged ? new DecisionView(judged.Outcome, judged.Reasons, decided!.OccurredAt) : null,
            decision?.DsaId is { } id ? new AgreementView(id, decision.Value.DsaVersion ?? 0, content?.Title) : null,
            approval is null ? null : new OverrideView(approval.Approval.ApprovedByOrgId, approval.Approval.ApprovedAt, NameIn(content, approval.Approval.ApprovedByOrgId)),
            released?.OccurredAt,
            released?.ReleasedCategories ?? [],
            released?.AvailableUntil,
            [.. events.OfType<DisclosureReleaseRefused>().Select(r => new ReadView(r.OccurredAt, r.Actor.OrgId, [], r.Decision.Reasons))],
            [.. events.OfType<PackageRead>().Select(r => new ReadView(r.OccurredAt, r.Actor.OrgId ?? r.RequesterOrgId, r.ReadCategories, []))],
            [.. events.OfType<PackageReadRefused>().Select(r => new ReadView(r.OccurredAt, r.Actor.OrgId ?? r.RequesterOrgId, [], r.Decision.Reasons))],
            purged?.OccurredAt,
            NameIn(content, requested.RequesterOrgId),
            NameIn(content, requested.HolderOrgId),
            blocked?.OccurredAt,
            destroyed?.OccurredAt,
            askedToDelete is null
                ? null
                : new DeletionView(askedToDelete.OccurredAt, askedToDelete.AnswerBy, deletionAnswer?.Outcome, deletionAnswer?.Reason, deletionAnswer?.OccurredAt));
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

    private static ShareDecision? DecisionOf(IPlatformEvent e) => e switch
    {
        DisclosureApproved x => x.Decision,
        DisclosureDenied x => x.Decision,
        DisclosureAwaitingOverrideApproval x => x.Decision,
        _ => null,
    };

    private static Guid DisclosureIdOf(IPlatformEvent e) => e switch
    {
        DisclosureRequested x => x.DisclosureId,
        DisclosureApproved x => x.DisclosureId,
        DisclosureDenied x => x.DisclosureId,
        DisclosureAwaitingOverrideApproval x => x.DisclosureId,
        SafeguardingOverrideApproved x => x.DisclosureId,
        DisclosureReleased x => x.DisclosureId,
        DisclosureReleaseRefused x => x.DisclosureId,
        PackageRead x => x.DisclosureId,
        PackageReadRefused x => x.DisclosureId,
        PackagePurged x => x.DisclosureId,
        DisclosureBlocked x => x.DisclosureId,
        PackageDestroyed x => x.DisclosureId,
        DeletionRequested x => x.DisclosureId,
        DeletionAnswered x => x.DisclosureId,
        OverrideNoticeDelayed x => x.DisclosureId,
        OverrideNoticeDelayEnded x => x.DisclosureId,
        _ => Guid.Empty,
    };
}
