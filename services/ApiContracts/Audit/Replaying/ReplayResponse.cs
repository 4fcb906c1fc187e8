namespace ConsentPlatform.Audit.Replaying;

/// <summary>
/// The answer of a replay: the request's decision as recorded and as replayed, whether every
/// decision of the disclosure (the request's, and each re-check at release and read) replays the
/// same, the differences of the request's decision, and every decision replayed.
/// <see cref="DsaSignatures"/> (issue 17): the signatures in force, rebuilt from the ledger, of the
/// DSA the replayed request decision judged under, at that moment (empty when none was).
/// </summary>
public sealed record ReplayResponse(
    Guid DisclosureId,
    ShareDecision Recorded,
    ShareDecision Replayed,
    bool Consistent,
    IReadOnlyList<string> Differences,
    IReadOnlyList<ReplayedDecision> Decisions,
    IReadOnlyList<DsaSignature>? DsaSignatures = null,
    ConsentDecider? ConsentDecidedBy = null);

/// <summary>
/// Issue 20: who decided the consent version the request was judged under: the young person
/// (<c>self</c>) or a parent or guardian (<see cref="Proxy"/> from its grant), as the ledger records it.
/// </summary>
public sealed record ConsentDecider(GivenBy GivenBy, ConsentProxy? Proxy);

/// <summary>One recorded decision of a disclosure beside the decision the rulebook makes again from the ledger.</summary>
public sealed record ReplayedDecision(
    string EventType,
    long Sequence,
    ShareDecision Recorded,
    ShareDecision Replayed,
    bool Consistent,
    IReadOnlyList<string> Differences);
