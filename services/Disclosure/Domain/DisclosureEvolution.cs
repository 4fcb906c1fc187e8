namespace ConsentPlatform.Disclosure.Domain;

/// <summary>Evolve: how each event changes a disclosure. Pure; versions count the stream's events, an unknown one too (it changes nothing else).</summary>
public static class DisclosureEvolution
{
    public static DisclosureState? Evolve(DisclosureState? state, object @event) => @event switch
    {
        DisclosureEvent.Requested e => new DisclosureState(
            e.DisclosureId, 1, e.Request, e.RequestedBy, e.RequesterName, e.RequestedAt,
            // Until the decision (committed with it) says otherwise, nothing may be released.
            DisclosureStatus.Denied, null, null, null, null, null, null, [], null, null, 0, null),
        DisclosureEvent.Approved e => Next(state) with
        {
            Status = DisclosureStatus.Approved,
            Decision = e.Judgement.Decision,
            Approval = e.Approval,
            ApprovedAt = e.ApprovedAt,
            RetentionDays = e.RetentionDays,
            AvailableUntil = e.AvailableUntil,
        },
        DisclosureEvent.Denied e => Next(state) with { Status = DisclosureStatus.Denied, Decision = e.Judgement.Decision },
        DisclosureEvent.AwaitingOverrideApproval e => Next(state) with { Status = DisclosureStatus.AwaitingOverrideApproval, Decision = e.Judgement.Decision },
        DisclosureEvent.SafeguardingOverrideApproved e => Next(state) with { Approval = e.Approval },
        DisclosureEvent.Released e => Next(state) with
        {
            Status = DisclosureStatus.Released,
            LastCheck = e.Decision,
            ReleasedCategories = e.ReleasedCategories,
            ReleasedAt = e.ReleasedAt,
            AvailableUntil = e.AvailableUntil,
        },
        DisclosureEvent.ReleaseRefused e => Next(state) with { LastCheck = e.Judgement.Decision },
        DisclosureEvent.PackageRead e => Next(state) with { LastCheck = e.Decision, Reads = state!.Reads + 1, LastReadAt = e.ReadAt },
        DisclosureEvent.PackageReadRefused e => Next(state) with { LastCheck = e.Judgement.Decision },
        DisclosureEvent.PackagePurged e => Next(state) with { Status = DisclosureStatus.Purged, PurgedAt = e.PurgedAt },
        DisclosureEvent.Blocked e => Next(state) with { Status = DisclosureStatus.Blocked, Blocked = new BlockedShare(e.ConsentId, e.ConsentStatus, e.BlockedAt) },
        DisclosureEvent.PackageDestroyed e => Next(state) with { Status = DisclosureStatus.Destroyed, DestroyedAt = e.DestroyedAt },
        DisclosureEvent.DeletionRequested e => Next(state) with { Deletion = new DeletionRequest(e.ConsentId, e.RequestedAt, e.AnswerBy) },
        DisclosureEvent.OverrideReviewed e => Next(state) with { Review = new OverrideReview(e.Outcome, e.Rationale, e.ReviewedBy, e.ReviewedAt) },
        DisclosureEvent.OverrideNoticeDelayed e => Next(state) with { NoticeDelay = new NoticeDelay(e.Until, e.Reason, e.DelayedBy, e.DelayedAt) },
        DisclosureEvent.OverrideNoticeDelayEnded e => Next(state) with { NoticeDelay = state!.NoticeDelay! with { EndedAt = e.EndedAt } },
        DisclosureEvent.DeletionAnswered e => Next(state) with
        {
            Deletion = state!.Deletion! with { Outcome = e.Outcome, Reason = e.Reason, AnsweredAt = e.AnsweredAt },
        },
        // The platform's one rule for an event this code does not know (a newer writer's, or one
        // retired): it changes nothing but still counts, so the version stays the stream's.
        _ => state is null ? null : state with { Version = state.Version + 1 },
    };

    public static DisclosureState? Fold(IEnumerable<object> events, DisclosureState? state = null)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(state, Evolve);
    }

    private static DisclosureState Next(DisclosureState? state) =>
        (state ?? throw new InvalidOperationException("A disclosure stream must start with DisclosureEvent.Requested.")) with { Version = state.Version + 1 };
}
