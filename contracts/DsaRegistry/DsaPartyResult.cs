namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// The answer to <see cref="CheckDsaParty"/>: of the purposes asked about, those for which the
/// organisation is a party to an active DSA in its window (ordinal order, no duplicates).
/// </summary>
public sealed record DsaPartyResult(string OrgId, IReadOnlyList<string> PartyForPurposes, DateTimeOffset CheckedAt);
