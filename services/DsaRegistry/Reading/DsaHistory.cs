namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary><c>GET /api/dsas/{id}/history</c>: every version, oldest first, each with its whole content.</summary>
public static class DsaHistory
{
    public static RouteGroupBuilder MapDsaHistory(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/{id:guid}/history", HandleAsync, "GetDsaHistory", configure: endpoint => endpoint.RequireAuthorization(Readers.Policy));

    /// <summary>Replays the stream with the same <see cref="AgreementEvolution.Evolve"/> the store uses.</summary>
    public static IReadOnlyList<DsaVersion> Build(IEnumerable<(Guid EventId, object Data)> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var versions = new List<DsaVersion>();
        Agreement? state = null;
        foreach (var (eventId, data) in events)
        {
            state = AgreementEvolution.Evolve(state, data);
            versions.Add(new DsaVersion(state.Version, ChangeOf(eventId, data), Dsa.From(state)));
        }

        return versions;
    }

    private static DsaChange ChangeOf(Guid eventId, object data) => data switch
    {
        AgreementEvent.Drafted e => new DsaChange("dsa-drafted", eventId, e.DraftedAt, e.DraftedBy, null),
        AgreementEvent.Amended e => new DsaChange("dsa-amended", eventId, e.AmendedAt, e.AmendedBy, null),
        AgreementEvent.Activated e => new DsaChange("dsa-activated", eventId, e.ActivatedAt, e.ActivatedBy, null),
        AgreementEvent.Suspended e => new DsaChange("dsa-suspended", eventId, e.SuspendedAt, e.SuspendedBy, e.Reason),
        AgreementEvent.Reinstated e => new DsaChange("dsa-reinstated", eventId, e.ReinstatedAt, e.ReinstatedBy, null),
        AgreementEvent.Terminated e => new DsaChange("dsa-terminated", eventId, e.TerminatedAt, e.TerminatedBy, e.Reason),
        AgreementEvent.Signed e => new DsaChange("dsa-signed", eventId, e.SignedAt, e.SignedBy, null),
        _ => throw new InvalidOperationException($"{data.GetType().Name} is not a DSA event."),
    };

    private static async Task<Outcome<Ok<IReadOnlyList<DsaVersion>>, Refused.NotFound>> HandleAsync(Guid id, IQuerySession session, CancellationToken cancellationToken)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellationToken);
        if (events.Count == 0) return AgreementStore.NotFound(id);
        return TypedResults.Ok(Build(events.Select(e => (e.Id, e.Data))));
    }
}
