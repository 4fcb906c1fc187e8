namespace ConsentPlatform.DsaRegistry.Agreements;

/// <summary>
/// A DSA as it stands: the state the decisions judge, and (kept inline by
/// <see cref="AgreementProjection"/>) the read model behind every read and every scope check,
/// so a suspension is visible to the very next check. <see cref="OrgIds"/> and
/// <see cref="PurposeCodes"/> are the content flattened for the list filters.
/// </summary>
public sealed record Agreement(
    Guid Id,
    long Version,
    DsaStatus Status,
    DsaContent Content,
    string[] OrgIds,
    string[] PurposeCodes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? StatusReason)
{
    /// <summary>
    /// The version at which the terms were last set (drafted or amended): what the parties sign.
    /// 0 in a read model written before signatures existed: then the terms are those of <see cref="Version"/>.
    /// </summary>
    public long ContentVersion { get; init; }

    /// <summary>The parties' signatures of the current terms: cleared by an amendment and by a suspension (issue 17).</summary>
    public IReadOnlyList<DsaSignature> Signatures { get; init; } = [];

    public long TermsVersion => ContentVersion == 0 ? Version : ContentVersion;

    /// <summary>Every party organisation, once each, in the order the terms list them.</summary>
    public IReadOnlyList<DsaParty> PartyOrganisations => [.. Content.Parties.DistinctBy(p => p.OrgId, StringComparer.Ordinal)];

    /// <summary>The parties that have not yet signed the current terms.</summary>
    public IReadOnlyList<DsaParty> AwaitingSignatureFrom =>
        [.. PartyOrganisations.Where(p => !Signatures.Any(s => s.SignedVersion == TermsVersion && string.Equals(s.OrgId, p.OrgId, StringComparison.Ordinal)))];

    public DsaSnapshot ToSnapshot() => new(Id, Version, Status, Content, Signatures);

    internal Agreement Next(DsaStatus status, DateTimeOffset at, string? reason) =>
        this with { ContentVersion = TermsVersion, Version = Version + 1, Status = status, UpdatedAt = at, StatusReason = reason };
}

/// <summary>
/// The pure evolve of a DSA: the state after one event; every event adds one to the version,
/// an unknown one too (and changes nothing else).
/// (A class of its own: Marten's source generator would take a static <c>Evolve</c> on the
/// aggregate itself for a projection method.)
/// </summary>
public static class AgreementEvolution
{
    public static Agreement Evolve(Agreement? state, object @event) => (state, @event) switch
    {
        (null, AgreementEvent.Drafted e) =>
            new Agreement(e.DsaId, 1, DsaStatus.Draft, e.Content, OrgIdsOf(e.Content), PurposeCodesOf(e.Content), e.DraftedAt, e.DraftedAt, null) { ContentVersion = 1 },
        // New terms: nobody has signed them yet.
        (not null, AgreementEvent.Amended e) => state.Next(state.Status, e.AmendedAt, state.StatusReason) with
        {
            Content = e.Content,
            OrgIds = OrgIdsOf(e.Content),
            PurposeCodes = PurposeCodesOf(e.Content),
            ContentVersion = state.Version + 1,
            Signatures = [],
        },
        (not null, AgreementEvent.Signed e) => state.Next(state.Status, e.SignedAt, state.StatusReason) with
        {
            Signatures = [.. state.Signatures, new DsaSignature(e.OrgId, e.SignedVersion, e.SignedBy.UserId, e.SignedAt)],
        },
        (not null, AgreementEvent.Activated e) => state.Next(DsaStatus.Active, e.ActivatedAt, null),
        // Safety first, and no return without everyone: reinstating needs every party to sign again.
        (not null, AgreementEvent.Suspended e) => state.Next(DsaStatus.Suspended, e.SuspendedAt, e.Reason) with { Signatures = [] },
        (not null, AgreementEvent.Reinstated e) => state.Next(DsaStatus.Active, e.ReinstatedAt, null),
        (not null, AgreementEvent.Terminated e) => state.Next(DsaStatus.Terminated, e.TerminatedAt, e.Reason),
        // The platform's one rule for an event this code does not know (a newer writer's, or one
        // retired): it changes nothing but still counts, so the version stays Marten's stream version
        // (the ETag, If-Match). The terms signed stay those of before.
        (not null, not (AgreementEvent.Drafted or AgreementEvent.Amended or AgreementEvent.Signed or AgreementEvent.Activated or AgreementEvent.Suspended or AgreementEvent.Reinstated or AgreementEvent.Terminated)) =>
            state with { ContentVersion = state.TermsVersion, Version = state.Version + 1 },
        _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot apply to {(state is null ? "a DSA that does not exist" : $"DSA {state.Id}")}."),
    };

    public static Agreement? Fold(IEnumerable<object> events) => events.Aggregate((Agreement?)null, Evolve);

    private static string[] OrgIdsOf(DsaContent content) => [.. content.Parties.Select(p => p.OrgId)];

    private static string[] PurposeCodesOf(DsaContent content) => [.. content.Purposes.Select(p => p.Code)];
}
