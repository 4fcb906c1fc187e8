namespace ConsentPlatform.Audit.Transparency;

/// <summary>The request as first ledgered: what the view shows of it.</summary>
public sealed record RequestSeen(DateTimeOffset At, string RequesterOrgId, string HolderOrgId, string Purpose, IReadOnlyList<string> DataCategories, ShareBasis Basis);

/// <summary>The last decision ledgered: the view's status word for it, the decision and when.</summary>
public sealed record DecisionSeen(string Status, ShareDecision Decision, DateTimeOffset At);

/// <summary>The last release ledgered.</summary>
public sealed record ReleaseSeen(DateTimeOffset At, IReadOnlyList<string> Categories, DateTimeOffset AvailableUntil);

/// <summary>The last safeguarding override approval: the approving organisation and when (never the rationale).</summary>
public sealed record ApprovalSeen(string ApprovedByOrgId, DateTimeOffset ApprovedAt);

/// <summary>The last request to delete and the last answer to one.</summary>
public sealed record DeletionSeen(DateTimeOffset AskedAt, DateTimeOffset AnswerBy);

/// <summary>The last answer to a request to delete.</summary>
public sealed record DeletionAnswerSeen(DeletionOutcome Outcome, string? Reason, DateTimeOffset AnsweredAt);

/// <summary>
/// The read model of <c>GET /api/me/disclosures</c>: one request about one young carer, folded
/// from the ledgered events of that disclosure whose own <c>subjectId</c> is that young carer's, in
/// ledger order. It keeps exactly what the view shows and nothing that depends on the time of the
/// request or on other entries: whether a notice delay is still in force is judged when the view
/// is read (<see cref="NoticeDelayInForce"/>), and the DSA's names and purpose descriptions are
/// looked up then. <see cref="Evolve"/> is pure, so the inline projection and a full rebuild from
/// the ledger are the same function over the same events.
/// </summary>
public sealed record DisclosureTransparency(
    string SubjectId,
    Guid DisclosureId,
    long FirstSequence,
    IReadOnlyList<long> LedgerSequences,
    RequestSeen? Requested = null,
    DecisionSeen? Decided = null,
    ApprovalSeen? Approval = null,
    ReleaseSeen? Released = null,
    DateTimeOffset? PurgedAt = null,
    DateTimeOffset? BlockedAt = null,
    DateTimeOffset? DestroyedAt = null,
    DeletionSeen? Deletion = null,
    DeletionAnswerSeen? DeletionAnswer = null,
    IReadOnlyList<ReadView>? ReleaseRefusals = null,
    IReadOnlyList<ReadView>? Reads = null,
    IReadOnlyList<ReadView>? RefusedReads = null,
    DateTimeOffset? NoticeDelayedUntil = null,
    bool NoticeDelayEnded = false)
{
    /// <summary>The ledger's event types the view is built from.</summary>
    public static readonly IReadOnlyList<string> EventTypes =
    [
        nameof(DisclosureRequested), nameof(DisclosureApproved), nameof(DisclosureDenied), nameof(DisclosureAwaitingOverrideApproval),
        nameof(SafeguardingOverrideApproved), nameof(DisclosureReleased), nameof(DisclosureReleaseRefused), nameof(PackageRead),
        nameof(PackageReadRefused), nameof(PackagePurged),
        nameof(DisclosureBlocked), nameof(PackageDestroyed), nameof(DeletionRequested), nameof(DeletionAnswered),
        nameof(OverrideNoticeDelayed), nameof(OverrideNoticeDelayEnded),
    ];

    /// <summary>The young carer and disclosure an event of the view belongs to; null for any other event or one without a subject.</summary>
    public static (string SubjectId, Guid DisclosureId)? KeyOf(IPlatformEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var disclosureId = DisclosureIdOf(e);
        return disclosureId == Guid.Empty || string.IsNullOrEmpty(e.SubjectId) ? null : (e.SubjectId, disclosureId);
    }

    /// <summary>The state after <paramref name="e"/>, ledgered at <paramref name="sequence"/>; <paramref name="state"/> null before the disclosure's first event.</summary>
    public static DisclosureTransparency Evolve(DisclosureTransparency? state, long sequence, IPlatformEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var (subjectId, disclosureId) = KeyOf(e) ?? throw new ArgumentException($"{e.GetType().Name} is not an event of the transparency view.", nameof(e));
        var s = state is null
            ? new DisclosureTransparency(subjectId, disclosureId, sequence, [sequence])
            : state with { LedgerSequences = [.. state.LedgerSequences, sequence] };
        return e switch
        {
            DisclosureRequested x => s with { Requested = s.Requested ?? new RequestSeen(x.OccurredAt, x.RequesterOrgId, x.HolderOrgId, x.Purpose, x.DataCategories, x.Basis) },
            DisclosureApproved x => s with { Decided = new DecisionSeen("approved", x.Decision, x.OccurredAt) },
            DisclosureDenied x => s with { Decided = new DecisionSeen("denied", x.Decision, x.OccurredAt) },
            DisclosureAwaitingOverrideApproval x => s with { Decided = new DecisionSeen("awaiting-override-approval", x.Decision, x.OccurredAt) },
            SafeguardingOverrideApproved x => s with { Approval = new ApprovalSeen(x.Approval.ApprovedByOrgId, x.Approval.ApprovedAt) },
            DisclosureReleased x => s with { Released = new ReleaseSeen(x.OccurredAt, x.ReleasedCategories, x.AvailableUntil) },
            DisclosureReleaseRefused x => s with { ReleaseRefusals = [.. s.ReleaseRefusals ?? [], new ReadView(x.OccurredAt, x.Actor.OrgId, [], x.Decision.Reasons)] },
            PackageRead x => s with { Reads = [.. s.Reads ?? [], new ReadView(x.OccurredAt, x.Actor.OrgId ?? x.RequesterOrgId, x.ReadCategories, [])] },
            PackageReadRefused x => s with { RefusedReads = [.. s.RefusedReads ?? [], new ReadView(x.OccurredAt, x.Actor.OrgId ?? x.RequesterOrgId, [], x.Decision.Reasons)] },
            PackagePurged x => s with { PurgedAt = x.OccurredAt },
            DisclosureBlocked x => s with { BlockedAt = x.OccurredAt },
            PackageDestroyed x => s with { DestroyedAt = x.OccurredAt },
            DeletionRequested x => s with { Deletion = new DeletionSeen(x.OccurredAt, x.AnswerBy) },
            DeletionAnswered x => s with { DeletionAnswer = new DeletionAnswerSeen(x.Outcome, x.Reason, x.OccurredAt) },
            OverrideNoticeDelayed x => s with { NoticeDelayedUntil = x.Until },
            OverrideNoticeDelayEnded => s with { NoticeDelayEnded = true },
            _ => s,
        };
    }

    /// <summary>Issue 20: a notice delay set and neither ended by the job nor past its end by the clock.</summary>
    public bool NoticeDelayInForce(DateTimeOffset now) => NoticeDelayedUntil is { } until && until > now && !NoticeDelayEnded;

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
