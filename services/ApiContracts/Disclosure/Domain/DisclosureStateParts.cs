namespace ConsentPlatform.Disclosure.Domain;

// The parts of a disclosure's state (DisclosureState) that its API resource (DisclosureResponse)
// shows as they are: declared here, beside that resource, so that the portal reads the same records.

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
