using System.Text.Json;

namespace ConsentPlatform.Portal.Api;

// The API's resources as the portal reads them (brief, "API through the gateway"). Enum values
// stay strings ("awaiting-override-approval"): the portal shows them, it does not decide on them.

public sealed record Consent(
    Guid Id,
    string SubjectId,
    string Purpose,
    IReadOnlyList<string>? RecipientOrgIds,
    IReadOnlyList<string>? DataCategories,
    string GivenBy,
    string Status,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt,
    long Version,
    DateTimeOffset? ProposedAt = null,
    DateTimeOffset? AnswerBy = null,
    string? Note = null,
    ConsentProxy? Proxy = null,
    DateTimeOffset? ConfirmBy = null);

/// <summary>Issue 20: who gave a parent's or guardian's consent.</summary>
public sealed record ConsentProxy(string Relationship, string? Name);

/// <summary>
/// <c>GET /api/consents/{id}/explanation</c>: what the young person agrees to, from the agreements
/// covering the purpose now. No agreement covers it: no organisations, no categories, no
/// <see cref="KeptForDays"/> (nothing can be shared, and nothing is guessed).
/// </summary>
public sealed record ConsentExplanation(
    Guid ConsentId,
    ExplainedPurpose Purpose,
    IReadOnlyList<ExplainedOrganisation> Organisations,
    IReadOnlyList<ExplainedCategory> Categories,
    int? KeptForDays,
    ExplainedLawfulBasis? LawfulBasis,
    IReadOnlyList<ExplainedAgreement> Agreements,
    ChangeOfMind CanChangeMind,
    ConsentUses Uses)
{
    /// <summary>Each organisation once, by name, in the order the agreements give them.</summary>
    public IReadOnlyList<ExplainedOrganisation> Holders => [.. Organisations.Where(o => o.Role == "holder").DistinctBy(o => o.OrgId)];

    public IReadOnlyList<ExplainedOrganisation> Recipients => [.. Organisations.Where(o => o.Role == "recipient").DistinctBy(o => o.OrgId)];

    public bool Covered => Agreements.Count > 0;
}

public sealed record ExplainedPurpose(string Code, string Description);

/// <summary>An organisation named by the agreements: <c>holder</c> (has the information) or <c>recipient</c> (may be given it).</summary>
public sealed record ExplainedOrganisation(string OrgId, string Name, string Role);

public sealed record ExplainedCategory(string Code, string Description);

public sealed record ExplainedLawfulBasis(string Article6, string? Article9, string Description);

public sealed record ExplainedAgreement(Guid DsaId, long Version, string Title, DateTimeOffset EffectiveTo);

public sealed record ChangeOfMind(bool Pause, bool Withdraw);

public sealed record ConsentUses(int Count, DateTimeOffset? LastUsedAt, string? LastUsedByOrgId, string? LastUsedByName);

/// <summary>A one-time link code for a young carer's own sign-in (issue 18), shown once.</summary>
public sealed record LinkCode(Guid CodeId, string SubjectId, string Code, DateTimeOffset ExpiresAt);

/// <summary>A sign-in linked to the young carer's ledger id; <see cref="ThisSignIn"/> marks the one in use.</summary>
public sealed record LinkedSignIn(Guid LinkId, string SubjectId, DateTimeOffset LinkedAt, bool ThisSignIn);

/// <summary>One signed consent receipt (<c>GET /api/consents/{id}/receipts</c>): the consent's version it records, when, and the compact JWS.</summary>
public sealed record ConsentReceiptView(long Version, DateTimeOffset IssuedAt, string Jws);

public sealed record Dsa(
    Guid Id,
    string Title,
    IReadOnlyList<DsaParty> Parties,
    IReadOnlyList<DsaPurpose> Purposes,
    DateTimeOffset EffectiveFrom,
    DateTimeOffset EffectiveTo,
    int RetentionDays,
    string Status,
    long Version,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long TermsVersion = 0,
    IReadOnlyList<DsaSignatureView>? Signatures = null,
    IReadOnlyList<AwaitingSignature>? AwaitingSignatureFrom = null,
    string? DpiaReference = null,
    DateTimeOffset? ReviewBy = null,
    string? TemplateId = null)
{
    /// <summary>Whether <paramref name="orgId"/> is a party that has still to sign the current terms (issue 17).</summary>
    public bool AwaitsSignatureOf(string? orgId) =>
        (AwaitingSignatureFrom ?? []).Any(a => string.Equals(a.OrgId, orgId, StringComparison.OrdinalIgnoreCase));

    public bool Names(string? orgId, params string[] roles) =>
        Parties.Any(p => string.Equals(p.OrgId, orgId, StringComparison.OrdinalIgnoreCase) && roles.Contains(p.Role));

    public string NameOf(string orgId) =>
        Parties.FirstOrDefault(p => string.Equals(p.OrgId, orgId, StringComparison.OrdinalIgnoreCase))?.Name ?? orgId;
}

public sealed record DsaParty(string OrgId, string Name, string Role);

/// <summary>A party's signature of the DSA's terms (issue 17).</summary>
public sealed record DsaSignatureView(string OrgId, string Name, long Version, string SignedBy, DateTimeOffset SignedAt);

public sealed record AwaitingSignature(string OrgId, string Name);

public sealed record DsaPurpose(
    string Code,
    string Description,
    IReadOnlyList<string> DataCategories,
    LawfulBasis LawfulBasis,
    bool RequiresConsent,
    bool AllowsSafeguardingOverride,
    IReadOnlyDictionary<string, string>? Justifications = null)
{
    /// <summary>Why <paramref name="category"/> is necessary for this purpose (issue 17), or null when none was given.</summary>
    public string? JustificationFor(string category) =>
        Justifications is not null && Justifications.TryGetValue(category, out var why) ? why : null;
}

/// <summary>
/// <c>GET /api/dsas/templates</c> (issue 17): a ready agreement for a common young carers' share,
/// with the legislation its lawful basis is written from. <see cref="Parties"/> say which kinds of
/// organisation usually sign it; the officer names the real ones.
/// </summary>
public sealed record DsaTemplate(
    string Id,
    string Title,
    string Summary,
    IReadOnlyList<string> LegalSources,
    IReadOnlyList<TemplateParty> Parties,
    IReadOnlyList<DsaPurpose> Purposes,
    int RetentionDays);

/// <summary>A kind of organisation that usually signs a template, and its role (<c>provider</c>, <c>recipient</c> or <c>both</c>).</summary>
public sealed record TemplateParty(string Kind, string Role);

public sealed record LawfulBasis(string Article6, string? Article9);

public sealed record DsaVersion(long Version, DsaChange Change, Dsa Dsa);

public sealed record DsaChange(string Event, DateTimeOffset OccurredAt, JsonElement Actor, string? Reason);

public sealed record Disclosure(
    Guid Id,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> DataCategories,
    string Basis,
    string? Justification,
    string Status,
    Decision? Decision,
    Decision? LastCheck,
    DateTimeOffset RequestedAt,
    OverrideApproval? Override,
    DateTimeOffset? ReleasedAt,
    IReadOnlyList<string>? ReleasedCategories,
    DateTimeOffset? AvailableUntil,
    int Reads,
    DateTimeOffset? LastReadAt,
    DateTimeOffset? PurgedAt,
    long Version,
    BlockedShare? Blocked = null,
    DateTimeOffset? DestroyedAt = null,
    DeletionRequest? Deletion = null,
    OverrideReview? OverrideReview = null,
    NoticeDelay? NoticeDelay = null);

/// <summary>Issue 20: the Caldicott guardian's finding on an approved safeguarding override.</summary>
public sealed record OverrideReview(string Outcome, string Rationale, DateTimeOffset ReviewedAt);

/// <summary>Issue 20: what the young person sees of an override waits until <see cref="Until"/>.</summary>
public sealed record NoticeDelay(DateTimeOffset Until, string Reason, DateTimeOffset DelayedAt, DateTimeOffset? EndedAt);

/// <summary>Issue 20: the consent a disclosure was approved under was paused, withdrawn or expired before release.</summary>
public sealed record BlockedShare(Guid ConsentId, string ConsentStatus, DateTimeOffset BlockedAt);

/// <summary>Issue 20: the recipient was asked to delete what it read after the consent was withdrawn, and its answer.</summary>
public sealed record DeletionRequest(DateTimeOffset RequestedAt, DateTimeOffset AnswerBy, string? Outcome, string? Reason, DateTimeOffset? AnsweredAt);

public sealed record OverrideApproval(string? ApprovedBy, string ApprovedByOrgId, DateTimeOffset ApprovedAt);

public sealed record Package(Guid DisclosureId, IReadOnlyList<string> Categories, JsonElement Data, DateTimeOffset AvailableUntil, DateTimeOffset ReadAt);

public sealed record Decision(
    string Outcome,
    IReadOnlyList<DecisionReason>? Reasons,
    Guid? ConsentId,
    long? ConsentVersion,
    Guid? DsaId,
    long? DsaVersion,
    DateTimeOffset? CheckedAt);

public sealed record DecisionReason(string Code, string? Message);

public sealed record LedgerEntry(
    long Sequence,
    DateTimeOffset RecordedAt,
    DateTimeOffset OccurredAt,
    string EventType,
    string Source,
    string? SubjectId,
    JsonElement Data,
    string Hash,
    string? PreviousHash);

public sealed record LedgerPage(IReadOnlyList<LedgerEntry> Entries, long? NextAfter);

public sealed record LedgerVerification(bool Valid, long Entries, string? HeadHash, long? FirstInvalidSequence);

public sealed record DecisionReplay(Guid DisclosureId, Decision Recorded, Decision Replayed, bool Consistent, IReadOnlyList<string>? Differences, IReadOnlyList<ReplayedDecision>? Decisions);

public sealed record ReplayedDecision(string EventType, long Sequence, Decision Recorded, Decision Replayed, bool Consistent, IReadOnlyList<string>? Differences);

/// <summary>A finished period's statistics (issue 22): every figure already through the disclosure control rules, a rounded count or "c".</summary>
public sealed record PeriodStatistics(string Period, DateTimeOffset Start, DateTimeOffset End, string TimePeriod, string TimeIdentifier, StatisticsRules Rules, IReadOnlyList<StatisticsTable> Tables)
{
    public StatisticsTable Table(string id) => Tables.Single(t => t.Id == id);
}

public sealed record StatisticsRules(int Threshold, int RoundingBase, int MinimumOrganisationsPerGroup, string Suppressed, string NotApplicable);

/// <summary>One table; its last row is the total.</summary>
public sealed record StatisticsTable(string Id, string Title, string RowHeading, IReadOnlyList<string> Columns, IReadOnlyList<StatisticsRow> Rows);

public sealed record StatisticsRow(string Label, IReadOnlyList<string> Values);

/// <summary>An onboarded identity tenant (issue 18), as <c>GET /api/tenants</c> lists it: <c>source</c> is <c>configuration</c> or <c>registry</c>.</summary>
public sealed record TenantListing(string TenantId, string? Name, IReadOnlyList<string> OrgIds, IReadOnlyList<string> Roles, bool Consumer, string Source);

public sealed record TenantRegistryView(long Version, IReadOnlyList<TenantListing> Tenants);
