namespace ConsentPlatform.Disclosure.Domain;

/// <summary>
/// A disclosure as its events leave it: the write model the use cases judge and, kept inline with
/// the events by <see cref="DisclosureProjection"/>, the document every read uses.
/// <see cref="Decision"/> is the decision that set the status; <see cref="LastCheck"/> the most
/// recent live re-check (at release or read). Issue 20: <see cref="Blocked"/>, <see cref="DestroyedAt"/>
/// and <see cref="Deletion"/> record what a pause, withdrawal or expiry of its consent did to it.
/// </summary>
public sealed record DisclosureState(
    Guid Id,
    long Version,
    ShareRequest Request,
    EventActor RequestedBy,
    string? RequesterName,
    DateTimeOffset RequestedAt,
    DisclosureStatus Status,
    ShareDecision? Decision,
    ShareDecision? LastCheck,
    OverrideApproval? Approval,
    DateTimeOffset? ApprovedAt,
    int? RetentionDays,
    DateTimeOffset? AvailableUntil,
    IReadOnlyList<string> ReleasedCategories,
    DateTimeOffset? ReleasedAt,
    DateTimeOffset? PurgedAt,
    int Reads,
    DateTimeOffset? LastReadAt,
    BlockedShare? Blocked = null,
    DateTimeOffset? DestroyedAt = null,
    DeletionRequest? Deletion = null,
    OverrideReview? Review = null,
    NoticeDelay? NoticeDelay = null)
{
    public string SubjectId => Request.SubjectId;

    /// <summary>At <paramref name="now"/>, is the package past its access window (and so to be purged)?</summary>
    public bool IsPastRetention(DateTimeOffset now) =>
        Status == DisclosureStatus.Released && AvailableUntil is { } until && until <= now;
}

