namespace ConsentPlatform.Consent.Domain;

/// <summary>
/// The consent stream's own events, as stored in Marten. Each carries the actor, the time, the
/// version the stream reaches with it, and (after the grant) the terms and grant time, so that
/// each event can be published on its own as a complete contract (see ConsentEventContracts).
/// Nested in one class so that none can be taken for the published contract of the same meaning
/// (<c>ConsentEvent.Granted</c> is stored, <c>Contracts.Consent.ConsentGranted</c> is published);
/// each is stored under the name it always had (<see cref="StoredEventNames"/>).
/// </summary>
public static class ConsentEvent
{
    /// <summary>The stream's first event: a consent given on these terms.</summary>
    public sealed record Granted(Guid ConsentId, long Version, ConsentTerms Terms, EventActor GrantedBy, DateTimeOffset GrantedAt);

    public sealed record Paused(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset GrantedAt, EventActor PausedBy, string? Reason, DateTimeOffset PausedAt);

    public sealed record Resumed(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset GrantedAt, EventActor ResumedBy, DateTimeOffset ResumedAt);

    public sealed record Withdrawn(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset GrantedAt, EventActor WithdrawnBy, string? Reason, DateTimeOffset WithdrawnAt);

    /// <summary>
    /// Recorded by the expiry job (<see cref="ConsentActors.ExpiryJob"/>) once <c>expiresAt</c> has passed,
    /// or once a proposal's <c>AnswerBy</c> has passed unanswered (then <paramref name="GrantedAt"/> is
    /// the proposal's time: nothing was ever granted).
    /// </summary>
    public sealed record Expired(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset GrantedAt, EventActor ExpiredBy, DateTimeOffset ExpiredAt);

    /// <summary>
    /// A practitioner's question to the young person: these terms, for them to accept (possibly
    /// narrower) or decline by <paramref name="AnswerBy"/>. Never an answer: no check passes on it.
    /// </summary>
    public sealed record Proposed(Guid ConsentId, long Version, ConsentTerms Terms, string? Note, EventActor ProposedBy, DateTimeOffset ProposedAt, DateTimeOffset AnswerBy);

    /// <summary>The young person said yes to a proposal, on <paramref name="Terms"/> (the proposal's or narrower): granted from <paramref name="AcceptedAt"/>.</summary>
    public sealed record Accepted(Guid ConsentId, long Version, ConsentTerms Terms, EventActor AcceptedBy, DateTimeOffset AcceptedAt);

    /// <summary>The young person said no to a proposal: final.</summary>
    public sealed record Declined(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset ProposedAt, EventActor DeclinedBy, string? Reason, DateTimeOffset DeclinedAt);

    /// <summary>
    /// Issue 20: the young person was assessed competent for the purpose of a consent a parent or
    /// guardian gave: they are asked to confirm it by <paramref name="ConfirmBy"/>.
    /// </summary>
    public sealed record ProxyConfirmationAsked(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset GrantedAt, ConsentStatus Status, Guid AssessmentId, DateTimeOffset ConfirmBy, EventActor AskedBy, DateTimeOffset AskedAt);

    /// <summary>Issue 20: the young person confirmed a proxy consent: <paramref name="Terms"/> are now given by themselves.</summary>
    public sealed record ProxyConfirmed(Guid ConsentId, long Version, ConsentTerms Terms, DateTimeOffset GrantedAt, ConsentStatus Status, EventActor ConfirmedBy, DateTimeOffset ConfirmedAt);
}

/// <summary>
/// The name each renamed event of the consent service is stored under (<c>mt_events.type</c>),
/// mapped explicitly: the names Marten gave them when they were top-level types named like the
/// contracts. Never change one: the events stored under it are read back by it. (The link code's
/// events kept their names, and so Marten's own names for them.)
/// </summary>
public static class StoredEventNames
{
    public static readonly IReadOnlyList<(Type Event, string Name)> All =
    [
        (typeof(ConsentEvent.Granted), "consent_granted"),
        (typeof(ConsentEvent.Paused), "consent_paused"),
        (typeof(ConsentEvent.Resumed), "consent_resumed"),
        (typeof(ConsentEvent.Withdrawn), "consent_withdrawn"),
        (typeof(ConsentEvent.Expired), "consent_expired"),
        (typeof(ConsentEvent.Proposed), "consent_proposed"),
        (typeof(ConsentEvent.Accepted), "consent_accepted"),
        (typeof(ConsentEvent.Declined), "consent_declined"),
        (typeof(ConsentEvent.ProxyConfirmationAsked), "proxy_confirmation_asked"),
        (typeof(ConsentEvent.ProxyConfirmed), "proxy_consent_confirmed"),
        (typeof(Competence.CompetenceEvent.Assessed), "competence_assessed"),
    ];
}

public static class ConsentActors
{
    /// <summary>Who pauses a proxy consent the young person did not confirm in time (issue 20).</summary>
    public static EventActor ConfirmationJob { get; } = new("system:consent-proxy-confirmation", "System", null);

    /// <summary>The actor of events that no person caused.</summary>
    public static EventActor ExpiryJob { get; } = new("system:consent-expiry", "System", null);
}
