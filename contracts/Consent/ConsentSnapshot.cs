namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// A consent as it stood at one version: what <see cref="ConsentRule"/> judges. The consent service
/// builds it from its read model; the audit service rebuilds it from the ledgered consent events,
/// each of which carries every term and the version reached.
/// </summary>
public sealed record ConsentSnapshot(
    Guid ConsentId,
    long Version,
    string SubjectId,
    string Purpose,
    IReadOnlyList<string> RecipientOrgIds,
    IReadOnlyList<string> DataCategories,
    ConsentStatus Status,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt)
{
    /// <summary>Active or paused: at most one live consent per subject and purpose.</summary>
    public bool IsLive => Status is ConsentStatus.Active or ConsentStatus.Paused;

    /// <summary>
    /// The status as every check must see it at <paramref name="at"/>: a live consent whose
    /// <c>expiresAt</c> is not after <paramref name="at"/> is expired from that instant on, whether or
    /// not the expiry job has recorded it yet (at the boundary instant itself, it is expired: fail closed).
    /// </summary>
    public ConsentStatus StatusAt(DateTimeOffset at) =>
        IsLive && ExpiresAt is { } expiresAt && expiresAt <= at ? ConsentStatus.Expired : Status;
}
