namespace ConsentPlatform.Consent.Reading;

/// <summary>
/// One entry of <c>GET /api/consents/{id}/history</c>: what happened (<c>consent-granted</c>,
/// <c>consent-paused</c>, …), when, by whom, why, and the consent as it stood after it.
/// </summary>
public sealed record ConsentHistoryEntry(long Version, string Event, DateTimeOffset OccurredAt, EventActor Actor, string? Reason, ConsentResponse Consent);

/// <summary>One version of a consent: its history entry and the state the event left.</summary>
public sealed record ConsentVersion(ConsentHistoryEntry Entry, ConsentState State);

public static class ConsentHistoryEndpoint
{
    public static RouteGroupBuilder MapConsentHistory(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/{id:guid}/history", HandleAsync, "GetConsentHistory");

    public static async Task<Outcome<Ok<IReadOnlyList<ConsentHistoryEntry>>, Refused.Forbidden, Refused.NotFound, Refused.CheckUnavailable>> HandleAsync(
        [AsParameters] ConsentReadRequest read)
    {
        ArgumentNullException.ThrowIfNull(read);
        var events = await read.Session.Events.FetchStreamAsync(read.Id, token: read.CancellationToken);
        var versions = Versions(events.Select(e => e.Data));

        // Judged on the consent as it stands now, like a read of it.
        if (versions.Count == 0) return Refusal.From(ConsentAccess.NotFound(read.Id));
        if (await read.Visibility.RefusalUnlessVisibleAsync(read.Caller, versions[^1].State, read.CancellationToken) is { } refusal) return refusal;

        return TypedResults.Ok<IReadOnlyList<ConsentHistoryEntry>>([.. versions.Select(v => v.Entry)]);
    }

    /// <summary>
    /// Every version of a consent, oldest first, folded from its own events: the history entry and
    /// the state it left. Also the FHIR facade's <c>_history</c> (services/Consent/Fhir).
    /// </summary>
    public static IReadOnlyList<ConsentVersion> Versions(IEnumerable<object> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var versions = new List<ConsentVersion>();
        ConsentState? state = null;
        foreach (var data in events)
        {
            state = ConsentEvolution.Evolve(state, data);

            // An event this code does not know moves the version on (ADR 0016) but is no entry of the history.
            if (state is null || Describe(data, state) is not { } entry) continue;
            versions.Add(new ConsentVersion(entry, state));
        }

        return versions;
    }

    // Each entry shows the consent as it stood at that moment (its status as recorded then).
    private static ConsentHistoryEntry? Describe(object @event, ConsentState after) => @event switch
    {
        ConsentEvent.Granted e => Entry(after, "consent-granted", e.GrantedAt, e.GrantedBy, null),
        ConsentEvent.Paused e => Entry(after, "consent-paused", e.PausedAt, e.PausedBy, e.Reason),
        ConsentEvent.Resumed e => Entry(after, "consent-resumed", e.ResumedAt, e.ResumedBy, null),
        ConsentEvent.Withdrawn e => Entry(after, "consent-withdrawn", e.WithdrawnAt, e.WithdrawnBy, e.Reason),
        ConsentEvent.Expired e => Entry(after, "consent-expired", e.ExpiredAt, e.ExpiredBy, null),
        ConsentEvent.Proposed e => Entry(after, "consent-proposed", e.ProposedAt, e.ProposedBy, null),
        ConsentEvent.Accepted e => Entry(after, "consent-accepted", e.AcceptedAt, e.AcceptedBy, null),
        ConsentEvent.Declined e => Entry(after, "consent-declined", e.DeclinedAt, e.DeclinedBy, e.Reason),
        ConsentEvent.ProxyConfirmationAsked e => Entry(after, "proxy-confirmation-asked", e.AskedAt, e.AskedBy, null),
        ConsentEvent.ProxyConfirmed e => Entry(after, "consent-confirmed", e.ConfirmedAt, e.ConfirmedBy, null),
        _ => null,
    };

    private static ConsentHistoryEntry Entry(ConsentState after, string name, DateTimeOffset at, EventActor actor, string? reason) =>
        new(after.Version, name, at, actor, reason, ConsentResponse.From(after, at));
}
