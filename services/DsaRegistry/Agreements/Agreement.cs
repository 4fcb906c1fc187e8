using ConsentPlatform.Contracts.DsaRegistry;

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
    public DsaSnapshot ToSnapshot() => new(Id, Version, Status, Content);

    internal Agreement Next(DsaStatus status, DateTimeOffset at, string? reason) =>
        this with { Version = Version + 1, Status = status, UpdatedAt = at, StatusReason = reason };
}

/// <summary>
/// The pure evolve of a DSA: the state after one event; every event adds one to the version.
/// (A class of its own: Marten's source generator would take a static <c>Evolve</c> on the
/// aggregate itself for a projection method.)
/// </summary>
public static class AgreementEvolution
{
    public static Agreement Evolve(Agreement? state, object @event) => (state, @event) switch
    {
        (null, DsaDrafted e) =>
            new Agreement(e.DsaId, 1, DsaStatus.Draft, e.Content, OrgIdsOf(e.Content), PurposeCodesOf(e.Content), e.DraftedAt, e.DraftedAt, null),
        (not null, DsaAmended e) => state.Next(state.Status, e.AmendedAt, state.StatusReason) with
        {
            Content = e.Content,
            OrgIds = OrgIdsOf(e.Content),
            PurposeCodes = PurposeCodesOf(e.Content),
        },
        (not null, DsaActivated e) => state.Next(DsaStatus.Active, e.ActivatedAt, null),
        (not null, DsaSuspended e) => state.Next(DsaStatus.Suspended, e.SuspendedAt, e.Reason),
        (not null, DsaReinstated e) => state.Next(DsaStatus.Active, e.ReinstatedAt, null),
        (not null, DsaTerminated e) => state.Next(DsaStatus.Terminated, e.TerminatedAt, e.Reason),
        _ => throw new InvalidOperationException($"{@event.GetType().Name} cannot apply to {(state is null ? "a DSA that does not exist" : $"DSA {state.Id}")}."),
    };

    public static Agreement? Fold(IEnumerable<object> events) => events.Aggregate((Agreement?)null, Evolve);

    private static string[] OrgIdsOf(DsaContent content) => [.. content.Parties.Select(p => p.OrgId)];

    private static string[] PurposeCodesOf(DsaContent content) => [.. content.Purposes.Select(p => p.Code)];
}
