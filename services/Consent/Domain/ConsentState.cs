namespace ConsentPlatform.Consent.Domain;

/// <summary>
/// A consent as its events leave it: the write model that <c>Decide</c> judges and, kept inline
/// with the events by <see cref="ConsentProjection"/>, the document every read and live check uses.
/// </summary>
public sealed record ConsentState(Guid Id, long Version, ConsentTerms Terms, ConsentStatus Status, DateTimeOffset GrantedAt)
{
    /// <summary>
    /// The organisation of whoever recorded the consent (the actor on the granting event): a
    /// practitioner's organisation, or null when the young person granted it themselves. It is one
    /// of the ties that let a practitioner see the consent (<c>ConsentAccess.ConcernOf</c>).
    /// </summary>
    public string? RecordedByOrgId { get; init; }

    /// <summary>When a practitioner proposed it for the young person to answer; null for a consent granted or recorded in person.</summary>
    public DateTimeOffset? ProposedAt { get; init; }

    /// <summary>When an unanswered proposal lapses (it is then expired); null for a consent that was never a proposal.</summary>
    public DateTimeOffset? AnswerBy { get; init; }

    /// <summary>The practitioner's note to the young person on a proposal.</summary>
    public string? Note { get; init; }

    /// <summary>
    /// Issue 20: by when the young person, assessed competent, must confirm this consent a parent or
    /// guardian gave; null when nothing is asked (never asked, or confirmed).
    /// </summary>
    public DateTimeOffset? ConfirmBy { get; init; }

    /// <summary>When the young person accepted the proposal; null while it is one, or if it never was.</summary>
    public DateTimeOffset? AcceptedAt { get; init; }

    /// <summary>
    /// Whether the young person ever agreed: granted or recorded in person, or a proposal they
    /// accepted. A proposal open, declined or lapsed is a question, never an answer: no check
    /// passes on it and it does not count as a consent for the purpose at all.
    /// </summary>
    public bool WasAgreed => ProposedAt is null || AcceptedAt is not null;

    /// <summary>
    /// Active or paused. An open proposal is not live: it does not block a grant, a recording in
    /// person or another proposal; only its acceptance makes it live, and then the one-live rule applies.
    /// </summary>
    public bool IsLive => Status is ConsentStatus.Active or ConsentStatus.Paused;

    /// <summary>
    /// <c>subject|purpose</c> while the consent is live, otherwise null. A unique index on it is the
    /// database's guarantee of one live consent per subject and purpose, even under concurrent grants.
    /// </summary>
    public string? LiveKey => IsLive ? LiveKeyOf(Terms.SubjectId, Terms.Purpose) : null;

    /// <summary>
    /// The status as every check must see it at <paramref name="at"/>: a live consent whose
    /// <c>expiresAt</c> is not after <paramref name="at"/> is expired from that instant on, whether or
    /// not the expiry job has recorded it yet (at the boundary instant itself, it is expired: fail closed).
    /// An open proposal whose <see cref="AnswerBy"/> is not after <paramref name="at"/> has lapsed, unanswered: expired too.
    /// </summary>
    public ConsentStatus StatusAt(DateTimeOffset at) =>
        (IsLive && Terms.ExpiresAt is { } expiresAt && expiresAt <= at)
        || (Status == ConsentStatus.Proposed && AnswerBy is { } answerBy && answerBy <= at)
            ? ConsentStatus.Expired
            : Status;

    public static string LiveKeyOf(string subjectId, string purpose) => $"{subjectId}|{purpose}";
}
