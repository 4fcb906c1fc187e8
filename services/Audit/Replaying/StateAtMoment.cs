namespace ConsentPlatform.Audit.Replaying;

/// <summary>
/// Rebuilds, from ledgered events only, the consents and DSAs as they stood at an instant: only
/// events that had happened by then (<c>occurredAt ≤ at</c>) count, folded in version order (not
/// ledger order, which may interleave services). Pure: the replay's inputs, unit-tested alone.
/// </summary>
public static class StateAtMoment
{
    /// <summary>
    /// Each consent of the subject and purpose at its last version by <paramref name="at"/>. Every
    /// consent event carries all terms. A proposal not accepted by then (open, declined, or lapsed
    /// unanswered, whose <c>ConsentExpired</c> alone looks like any other expiry) was never agreed
    /// to: it is no consent at all and is left out, as the consent service leaves it out of its
    /// live check. From its <c>ConsentAccepted</c> on it is a consent like a granted one.
    /// </summary>
    public static IReadOnlyList<ConsentSnapshot> Consents(IEnumerable<IPlatformEvent> events, string subjectId, string purpose, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(events);
        return [.. events
            .Where(e => e.OccurredAt <= at)
            .Select(e => (Event: e, Snapshot: ToSnapshot(e)))
            .Where(x => x.Snapshot is { } c && c.SubjectId == subjectId && c.Purpose == purpose)
            .GroupBy(x => x.Snapshot!.ConsentId)
            .Where(g => WasAgreed(g.Select(x => x.Event)))
            .Select(g => g.Select(x => x.Snapshot!).MaxBy(c => c.Version)!)];
    }

    /// <summary>Granted, or a proposal accepted: a stream that began with <c>ConsentProposed</c> is agreed to only once accepted.</summary>
    private static bool WasAgreed(IEnumerable<IPlatformEvent> streamSoFar)
    {
        var events = streamSoFar.ToList();
        return events.Any(e => e is ConsentGranted or ConsentAccepted) || !events.Any(e => e is ConsentProposed);
    }

    /// <summary>Every DSA as it stood at <paramref name="at"/>: its last content, status and version by then. A DSA not yet drafted is absent.</summary>
    public static IReadOnlyList<DsaSnapshot> Dsas(IEnumerable<IPlatformEvent> events, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(events);
        var snapshots = new List<DsaSnapshot>();
        foreach (var stream in events.Where(e => e.OccurredAt <= at).Select(e => (Id: DsaIdOf(e), Version: DsaVersionOf(e), Event: e)).Where(x => x.Id is not null).GroupBy(x => x.Id!.Value))
        {
            DsaSnapshot? state = null;
            foreach (var (_, version, e) in stream.OrderBy(x => x.Version))
            {
                state = Evolve(state, e, stream.Key, version);
            }

            if (state is not null) snapshots.Add(state);
        }

        return snapshots;
    }

    public static DsaSnapshot? Evolve(DsaSnapshot? state, IPlatformEvent e, Guid dsaId, long version) => e switch
    {
        DsaDrafted d => new DsaSnapshot(dsaId, version, DsaStatus.Draft, d.Content, []),
        // New terms: nobody has signed them yet (issue 17).
        DsaAmended a when state is not null => state with { Version = version, Content = a.Content, Signatures = [] },
        DsaSigned g when state is not null => state with { Version = version, Signatures = [.. state.Signatures ?? [], new DsaSignature(g.OrgId, g.SignedVersion, g.SignedBy, g.OccurredAt)] },
        DsaActivated or DsaReinstated when state is not null => state with { Version = version, Status = DsaStatus.Active },
        // Reinstating needs every party to sign again.
        DsaSuspended when state is not null => state with { Version = version, Status = DsaStatus.Suspended, Signatures = [] },
        DsaTerminated when state is not null => state with { Version = version, Status = DsaStatus.Terminated },
        _ => state,
    };

    private static ConsentSnapshot? ToSnapshot(IPlatformEvent e) => e switch
    {
        ConsentGranted c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentPaused c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentResumed c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentWithdrawn c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentExpired c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentProposed c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentAccepted c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ConsentDeclined c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        // Issue 20: a new version of a consent, its terms and status unchanged but for who gave it.
        ProxyConsentConfirmationAsked c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        ProxyConsentConfirmed c => new(c.ConsentId, c.Version, c.SubjectId, c.Purpose, c.RecipientOrgIds, c.DataCategories, c.Status, c.GrantedAt, c.ExpiresAt),
        _ => null,
    };

    private static Guid? DsaIdOf(IPlatformEvent e) => e switch
    {
        DsaDrafted d => d.DsaId,
        DsaAmended d => d.DsaId,
        DsaActivated d => d.DsaId,
        DsaSuspended d => d.DsaId,
        DsaReinstated d => d.DsaId,
        DsaTerminated d => d.DsaId,
        DsaSigned d => d.DsaId,
        _ => null,
    };

    private static long DsaVersionOf(IPlatformEvent e) => e switch
    {
        DsaDrafted d => d.Version,
        DsaAmended d => d.Version,
        DsaActivated d => d.Version,
        DsaSuspended d => d.Version,
        DsaReinstated d => d.Version,
        DsaTerminated d => d.Version,
        DsaSigned d => d.Version,
        _ => 0,
    };
}
