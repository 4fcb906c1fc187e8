namespace ConsentPlatform.Audit.Replaying;

/// <summary>
/// <c>GET /api/audit/disclosures/{id}/replay</c> (Auditor): rebuilds from the ledger's own entries
/// (no call to any other service) the consent and DSA versions as they stood at each decision of
/// the disclosure, runs the shared rulebook, and compares. 404 when the ledger holds no decided request of that id.
/// </summary>
public static class ReplayDisclosureEndpoint
{
    private static readonly string[] ConsentTypes =
        [
            nameof(ConsentGranted), nameof(ConsentPaused), nameof(ConsentResumed), nameof(ConsentWithdrawn), nameof(ConsentExpired),
            nameof(ConsentProposed), nameof(ConsentAccepted), nameof(ConsentDeclined),
            nameof(ProxyConsentConfirmationAsked), nameof(ProxyConsentConfirmed),
        ];

    private static readonly string[] DsaTypes =
        [nameof(DsaDrafted), nameof(DsaAmended), nameof(DsaActivated), nameof(DsaSuspended), nameof(DsaReinstated), nameof(DsaTerminated), nameof(DsaSigned)];

    public static RouteGroupBuilder MapReplayDisclosure(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/disclosures/{id:guid}/replay", HandleAsync, "ReplayDisclosure", policy: PlatformRoles.Auditor);

    public static async Task<Outcome<Ok<ReplayResponse>, Refused.NotFound>> HandleAsync(Guid id, LedgerReader ledger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        var events = await ledger.ListAsync([EntryKeys.Disclosure(id)], null, cancellationToken);
        if (events.Select(e => e.Event).OfType<DisclosureRequested>().FirstOrDefault() is not { } requested)
        {
            return Refusal.NotFound($"The ledger holds no request for disclosure {id}.");
        }

        if (!events.Any(e => DecisionReplay.IsRequestDecision(e.Event)))
        {
            return Refusal.NotFound($"The ledger holds no decision for disclosure {id} yet.");
        }

        var request = requested.ToShareRequest();
        var consentEvents = request.Basis == ShareBasis.Consent
            ? (await ledger.ListAsync([EntryKeys.Subject(request.SubjectId)], ConsentTypes, cancellationToken)).Select(e => e.Event).ToList()
            : [];
        var dsaEvents = await DsaEventsAsync(ledger, request, cancellationToken);

        var decisions = new List<ReplayedDecision>();
        OverrideApproval? approval = null;
        foreach (var (sequence, e) in events)
        {
            if (e is SafeguardingOverrideApproved approved)
            {
                approval = approved.Approval;
                continue;
            }

            if (DecisionReplay.RecordedDecisionOf(e) is not { } recorded) continue;
            var replayed = DecisionReplay.Replay(request, recorded.CheckedAt, approval, consentEvents, dsaEvents);
            decisions.Add(DecisionReplay.Compare(e.GetType().Name, sequence, recorded, replayed));
        }

        var main = decisions.Last(d => d.EventType is nameof(DisclosureApproved) or nameof(DisclosureDenied) or nameof(DisclosureAwaitingOverrideApproval));
        var judgedUnder = main.Replayed.DsaId is { } dsaId && main.Replayed.CheckedAt is { } at
            ? StateAtMoment.Dsas(dsaEvents, at).FirstOrDefault(d => d.DsaId == dsaId)
            : null;
        return TypedResults.Ok(new ReplayResponse(id, main.Recorded, main.Replayed, decisions.All(d => d.Consistent), main.Differences, decisions, judgedUnder?.Signatures ?? [],
            DecidedBy(consentEvents, main.Replayed.ConsentId, main.Replayed.ConsentVersion)));
    }

    /// <summary>The consent event that made <paramref name="version"/> says who gave it; a proxy's details come from the grant.</summary>
    public static ConsentDecider? DecidedBy(IReadOnlyList<IPlatformEvent> consentEvents, Guid? consentId, long? version)
    {
        ArgumentNullException.ThrowIfNull(consentEvents);
        if (consentId is null || version is null) return null;
        (long Version, GivenBy GivenBy)? made = null;
        ConsentProxy? proxy = null;
        foreach (var e in consentEvents)
        {
            (Guid Id, long Version, GivenBy GivenBy)? at = e switch
            {
                ConsentGranted c => (c.ConsentId, c.Version, c.GivenBy),
                ConsentPaused c => (c.ConsentId, c.Version, c.GivenBy),
                ConsentResumed c => (c.ConsentId, c.Version, c.GivenBy),
                ConsentWithdrawn c => (c.ConsentId, c.Version, c.GivenBy),
                ConsentExpired c => (c.ConsentId, c.Version, c.GivenBy),
                ConsentAccepted c => (c.ConsentId, c.Version, c.GivenBy),
                ProxyConsentConfirmationAsked c => (c.ConsentId, c.Version, c.GivenBy),
                ProxyConsentConfirmed c => (c.ConsentId, c.Version, c.GivenBy),
                _ => null,
            };
            if (e is ConsentGranted granted && granted.ConsentId == consentId) proxy = granted.Proxy;
            if (at is { } a && a.Id == consentId && a.Version <= version && (made is null || a.Version > made.Value.Version)) made = (a.Version, a.GivenBy);
        }

        return made is { } m ? new ConsentDecider(m.GivenBy, m.GivenBy == GivenBy.Self ? null : proxy) : null;
    }

    /// <summary>Every event of every DSA that names the requester or the holder as a party (the only DSAs the scope check considers).</summary>
    private static async Task<List<IPlatformEvent>> DsaEventsAsync(LedgerReader ledger, ShareRequest request, CancellationToken cancellationToken)
    {
        var withParties = await ledger.ListAsync([EntryKeys.Org(request.RequesterOrgId), EntryKeys.Org(request.HolderOrgId)], [nameof(DsaDrafted), nameof(DsaAmended)], cancellationToken);
        var ids = withParties.Select(e => e.Event switch { DsaDrafted d => d.DsaId, DsaAmended a => a.DsaId, _ => Guid.Empty }).Distinct().ToList();
        if (ids.Count == 0) return [];
        var all = await ledger.ListAsync([.. ids.Select(EntryKeys.Dsa)], DsaTypes, cancellationToken);
        return [.. all.Select(e => e.Event)];
    }
}
