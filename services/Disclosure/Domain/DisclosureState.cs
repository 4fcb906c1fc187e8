using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Contracts.Rules;

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

/// <summary>Why a disclosure was blocked (issue 20): its consent and what happened to it.</summary>
public sealed record BlockedShare(Guid ConsentId, ConsentStatus ConsentStatus, DateTimeOffset BlockedAt);

/// <summary>
/// A request to the recipient to delete a package it read before the consent was withdrawn (issue
/// 20), and its answer once given.
/// </summary>
public sealed record DeletionRequest(Guid ConsentId, DateTimeOffset RequestedAt, DateTimeOffset AnswerBy, DeletionOutcome? Outcome = null, string? Reason = null, DateTimeOffset? AnsweredAt = null)
{
    public bool IsAnswered => AnsweredAt is not null;

    /// <summary>Unanswered when <paramref name="now"/> is past <see cref="AnswerBy"/>.</summary>
    public bool IsOverdue(DateTimeOffset now) => !IsAnswered && AnswerBy <= now;
}

/// <summary>
/// Issue 20: the holder's Caldicott guardian's after-the-fact review of an approved safeguarding
/// override. Until it exists the review is due, by the approval plus <c>Disclosure:OverrideReviewWithin</c>.
/// </summary>
public sealed record OverrideReview(OverrideReviewOutcome Outcome, string Rationale, EventActor ReviewedBy, DateTimeOffset ReviewedAt);

/// <summary>Issue 20: what the young person sees of the override waits until <see cref="Until"/>; <see cref="EndedAt"/> once the job recorded its end.</summary>
public sealed record NoticeDelay(DateTimeOffset Until, string Reason, EventActor DelayedBy, DateTimeOffset DelayedAt, DateTimeOffset? EndedAt = null)
{
    public bool IsInForce(DateTimeOffset now) => EndedAt is null && Until > now;
}
