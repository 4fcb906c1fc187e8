namespace ConsentPlatform.Consent.Domain;

/// <summary>The pure fold of a consent stream: <c>Evolve(state, event) => state with { … }</c>.</summary>
public static class ConsentEvolution
{
    public static ConsentState? Evolve(ConsentState? state, object @event) => @event switch
    {
        ConsentEvent.Granted e => new ConsentState(e.ConsentId, e.Version, e.Terms, ConsentStatus.Active, e.GrantedAt) { RecordedByOrgId = e.GrantedBy.OrgId },
        ConsentEvent.Paused e => Existing(state, e) with { Status = ConsentStatus.Paused, Version = e.Version },
        ConsentEvent.Resumed e => Existing(state, e) with { Status = ConsentStatus.Active, Version = e.Version },
        ConsentEvent.Withdrawn e => Existing(state, e) with { Status = ConsentStatus.Withdrawn, Version = e.Version },
        ConsentEvent.Expired e => Existing(state, e) with { Status = ConsentStatus.Expired, Version = e.Version },
        // A proposal's GrantedAt holds the moment it was proposed until it is accepted.
        ConsentEvent.Proposed e => new ConsentState(e.ConsentId, e.Version, e.Terms, ConsentStatus.Proposed, e.ProposedAt)
        {
            RecordedByOrgId = e.ProposedBy.OrgId, ProposedAt = e.ProposedAt, AnswerBy = e.AnswerBy, Note = e.Note,
        },
        ConsentEvent.Accepted e => Existing(state, e) with { Status = ConsentStatus.Active, Version = e.Version, Terms = e.Terms, GrantedAt = e.AcceptedAt, AcceptedAt = e.AcceptedAt },
        ConsentEvent.Declined e => Existing(state, e) with { Status = ConsentStatus.Declined, Version = e.Version },
        ConsentEvent.ProxyConfirmationAsked e => Existing(state, e) with { Version = e.Version, ConfirmBy = e.ConfirmBy },
        ConsentEvent.ProxyConfirmed e => Existing(state, e) with { Version = e.Version, Terms = e.Terms, ConfirmBy = null },

        // ADR 0016's one rule: an event this code does not know changes nothing, but it is one of
        // the stream's events, so the version (the stream's, as ETags and If-Match name it) moves on.
        _ => state is null ? null : state with { Version = state.Version + 1 },
    };

    public static ConsentState? Fold(IEnumerable<object> events, ConsentState? state = null) =>
        events.Aggregate(state, Evolve);

    private static ConsentState Existing(ConsentState? state, object @event) =>
        state ?? throw new InvalidOperationException($"{@event.GetType().Name} cannot start a consent stream.");
}
