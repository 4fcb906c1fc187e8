namespace ConsentPlatform.Disclosure.Domain;

/// <summary>
/// The disclosure stream's own events, as stored in Marten, named apart from the published contracts
/// of <c>ConsentPlatform.Contracts.Disclosure</c> (issue 24) that <c>Messaging/DisclosureEventContracts</c>
/// maps them to. Each carries the request (so that it can be published on its own as a complete
/// contract), the actor and the time. None carries released data: the payload lives, encrypted, in
/// SealedPackage. PostgreSQL keeps each under the name it was first stored as (<see cref="StoredNames"/>).
/// </summary>
public static class DisclosureEvent
{
    /// <summary>The stream's first event, always followed in the same commit by the decision.</summary>
    /// <remarks><see cref="RequesterName"/> (the token's display name) lets a later override approval recognise the same person under another role.</remarks>
    public sealed record Requested(Guid DisclosureId, ShareRequest Request, EventActor RequestedBy, string? RequesterName, DateTimeOffset RequestedAt);

    public sealed record Approved(Guid DisclosureId, ShareRequest Request, Judgement Judgement, OverrideApproval? Approval, int? RetentionDays, EventActor DecidedBy, DateTimeOffset ApprovedAt)
    {
        /// <summary>The package may be read until the DSA's retention window, counted from approval, ends.</summary>
        public DateTimeOffset AvailableUntil => ApprovedAt.AddDays(RetentionDays ?? 0);
    }

    public sealed record Denied(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor DecidedBy, DateTimeOffset DeniedAt);

    public sealed record AwaitingOverrideApproval(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor DecidedBy, DateTimeOffset DecidedAt);

    /// <summary>The rationale is the lead's own words: kept for the ledger, never shown to the young carer.</summary>
    public sealed record SafeguardingOverrideApproved(Guid DisclosureId, ShareRequest Request, OverrideApproval Approval, string Rationale, EventActor ApprovedBy, DateTimeOffset ApprovedAt);

    public sealed record Released(Guid DisclosureId, ShareRequest Request, IReadOnlyList<string> ReleasedCategories, ShareDecision Decision, DateTimeOffset AvailableUntil, EventActor ReleasedBy, DateTimeOffset ReleasedAt);

    public sealed record ReleaseRefused(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor RefusedTo, DateTimeOffset RefusedAt);

    public sealed record PackageRead(Guid DisclosureId, ShareRequest Request, IReadOnlyList<string> ReadCategories, ShareDecision Decision, EventActor ReadBy, DateTimeOffset ReadAt);

    public sealed record PackageReadRefused(Guid DisclosureId, ShareRequest Request, Judgement Judgement, EventActor RefusedTo, DateTimeOffset RefusedAt);

    /// <summary>Recorded by the purge job (<see cref="DisclosureActors.PurgeJob"/>) or by the read that found the window ended.</summary>
    public sealed record PackagePurged(Guid DisclosureId, ShareRequest Request, int RetentionDays, EventActor PurgedBy, DateTimeOffset PurgedAt);

    /// <summary>Issue 20: the consent it was approved under was paused, withdrawn or expired before release; final.</summary>
    public sealed record Blocked(Guid DisclosureId, ShareRequest Request, Guid ConsentId, ConsentStatus ConsentStatus, EventActor BlockedBy, DateTimeOffset BlockedAt);

    /// <summary>Issue 20: the consent was withdrawn before the released package was read; payload and data key deleted with it.</summary>
    public sealed record PackageDestroyed(Guid DisclosureId, ShareRequest Request, Guid ConsentId, EventActor DestroyedBy, DateTimeOffset DestroyedAt);

    /// <summary>Issue 20: the consent was withdrawn after the package was read; the recipient is asked to delete its copy by <see cref="AnswerBy"/>.</summary>
    public sealed record DeletionRequested(Guid DisclosureId, ShareRequest Request, Guid ConsentId, DateTimeOffset AnswerBy, EventActor RequestedBy, DateTimeOffset RequestedAt);

    /// <summary>Issue 20: the recipient's answer to <see cref="DeletionRequested"/>; a retained copy always has a reason.</summary>
    public sealed record DeletionAnswered(Guid DisclosureId, ShareRequest Request, DeletionOutcome Outcome, string? Reason, EventActor AnsweredBy, DateTimeOffset AnsweredAt);

    /// <summary>Issue 20: the holder's Caldicott guardian reviewed the approved override after the fact.</summary>
    public sealed record OverrideReviewed(Guid DisclosureId, ShareRequest Request, OverrideReviewOutcome Outcome, string Rationale, EventActor ReviewedBy, DateTimeOffset ReviewedAt);

    /// <summary>Issue 20: a safeguarding lead delayed what the young person sees of the override until <see cref="Until"/>.</summary>
    public sealed record OverrideNoticeDelayed(Guid DisclosureId, ShareRequest Request, DateTimeOffset Until, string Reason, EventActor DelayedBy, DateTimeOffset DelayedAt);

    /// <summary>Issue 20: the notice delay reached its end (recorded by the job): the young person sees the override.</summary>
    public sealed record OverrideNoticeDelayEnded(Guid DisclosureId, ShareRequest Request, EventActor EndedBy, DateTimeOffset EndedAt);

    /// <summary>
    /// Each event's name in <c>mt_events.type</c>: the one Marten gave the type of before the rename
    /// (<c>DisclosureRequested</c> → <c>disclosure_requested</c>), so the events already stored read
    /// back as these types. Never change one: add a new event instead.
    /// </summary>
    public static IReadOnlyDictionary<Type, string> StoredNames { get; } = new (Type Event, string StoredAs)[]
    {
        (typeof(Requested), "disclosure_requested"),
        (typeof(Approved), "disclosure_approved"),
        (typeof(Denied), "disclosure_denied"),
        (typeof(AwaitingOverrideApproval), "disclosure_awaiting_override_approval"),
        (typeof(SafeguardingOverrideApproved), "safeguarding_override_approved"),
        (typeof(Released), "disclosure_released"),
        (typeof(ReleaseRefused), "disclosure_release_refused"),
        (typeof(PackageRead), "package_read"),
        (typeof(PackageReadRefused), "package_read_refused"),
        (typeof(PackagePurged), "package_purged"),
        (typeof(Blocked), "disclosure_blocked"),
        (typeof(PackageDestroyed), "package_destroyed"),
        (typeof(DeletionRequested), "deletion_requested"),
        (typeof(DeletionAnswered), "deletion_answered"),
        (typeof(OverrideReviewed), "override_reviewed"),
        (typeof(OverrideNoticeDelayed), "override_notice_delayed"),
        (typeof(OverrideNoticeDelayEnded), "override_notice_delay_ended"),
    }.ToDictionary(e => e.Event, e => e.StoredAs);
}

public static class DisclosureActors
{
    /// <summary>Who records that a notice delay ended (issue 20).</summary>
    public static EventActor NoticeDelayJob { get; } = new("system:disclosure-notice-delay", "System", null);

    /// <summary>The actor of what a consent's change did to the disclosures under it (issue 20): the service, on the consent service's event.</summary>
    public static EventActor ConsentChange { get; } = new("system:disclosure-consent-change", "System", null);

    /// <summary>The actor of events that no person caused.</summary>
    public static EventActor PurgeJob { get; } = new("system:disclosure-purge", "System", null);
}
