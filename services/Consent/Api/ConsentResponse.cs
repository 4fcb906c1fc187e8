using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Consent;

namespace ConsentPlatform.Consent.Api;

/// <summary>
/// The brief's <c>Consent</c> resource. <see cref="Status"/> is the status at the moment of the
/// request: a consent past its <see cref="ExpiresAt"/> shows as <c>expired</c> even before the
/// expiry job records it.
/// </summary>
public sealed record ConsentResponse(
    Guid Id,
    string SubjectId,
    string Purpose,
    IReadOnlyList<string> RecipientOrgIds,
    IReadOnlyList<string> DataCategories,
    GivenBy GivenBy,
    ConsentStatus Status,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt,
    long Version)
{
    public static ConsentResponse From(ConsentState consent, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return new ConsentResponse(
            consent.Id,
            consent.Terms.SubjectId,
            consent.Terms.Purpose,
            consent.Terms.RecipientOrgIds,
            consent.Terms.DataCategories,
            consent.Terms.GivenBy,
            consent.StatusAt(now),
            consent.GrantedAt,
            consent.Terms.ExpiresAt,
            consent.Version);
    }
}
