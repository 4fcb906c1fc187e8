namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// Is <see cref="OrgId"/> a party to a DSA that is active, inside its window at <see cref="At"/>,
/// and contains the purpose, for each of <see cref="Purposes"/>? Answered by the DSA registry with
/// a <see cref="DsaPartyResult"/>. The consent service asks it before a practitioner may see or
/// change a consent that names no recipients (issue 15): being party to the agreement for its
/// purpose is what makes that consent their organisation's concern. <see cref="AnyPurpose"/> (issue 20,
/// additive): instead, every purpose of the organisation's active agreements, asked explicitly so that
/// an empty <see cref="Purposes"/> list still means none (a caller's empty list never widens the answer).
/// </summary>
public sealed record CheckDsaParty(string OrgId, IReadOnlyList<string> Purposes, DateTimeOffset At, bool AnyPurpose = false);
