using ConsentPlatform.Contracts.Consent;

namespace ConsentPlatform.Consent.Domain;

/// <summary>
/// A consent as its events leave it: the write model that <c>Decide</c> judges and, kept inline
/// with the events by <see cref="ConsentProjection"/>, the document every read and live check uses.
/// </summary>
public sealed record ConsentState(Guid Id, long Version, ConsentTerms Terms, ConsentStatus Status, DateTimeOffset GrantedAt)
{
    /// <summary>
    /// The organisation of whoever recorded the consent (the actor on the granting event): a
    /// practitioner's organisation, or null when the young person granted it themselves. It is one
    /// of the ties that let a practitioner see the consent (<c>ConsentAccess.ConcernOf</c>).
    /// </summary>
    public string? RecordedByOrgId { get; init; }

    public bool IsLive => Status is ConsentStatus.Active or ConsentStatus.Paused;

    /// <summary>
    /// <c>subject|purpose</c> while the consent is live, otherwise null. A unique index on it is the
    /// database's guarantee of one live consent per subject and purpose, even under concurrent grants.
    /// </summary>
    public string? LiveKey => IsLive ? LiveKeyOf(Terms.SubjectId, Terms.Purpose) : null;

    /// <summary>
    /// The status as every check must see it at <paramref name="at"/>: a live consent whose
    /// <c>expiresAt</c> is not after <paramref name="at"/> is expired from that instant on, whether or
    /// not the expiry job has recorded it yet (at the boundary instant itself, it is expired: fail closed).
    /// </summary>
    public ConsentStatus StatusAt(DateTimeOffset at) =>
        IsLive && Terms.ExpiresAt is { } expiresAt && expiresAt <= at ? ConsentStatus.Expired : Status;

    public static string LiveKeyOf(string subjectId, string purpose) => $"{subjectId}|{purpose}";
}
