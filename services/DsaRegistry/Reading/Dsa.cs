using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.DsaRegistry.Agreements;

namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary>A DSA as the API shows it: its content, status and version (also sent as the <c>ETag</c>).</summary>
public sealed record Dsa(
    Guid Id,
    string Title,
    IReadOnlyList<DsaParty> Parties,
    IReadOnlyList<DsaPurpose> Purposes,
    DateTimeOffset EffectiveFrom,
    DateTimeOffset EffectiveTo,
    int RetentionDays,
    DsaStatus Status,
    long Version,
    string? StatusReason,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static Dsa From(Agreement agreement)
    {
        ArgumentNullException.ThrowIfNull(agreement);
        var c = agreement.Content;
        return new Dsa(
            agreement.Id, c.Title, c.Parties, c.Purposes, c.EffectiveFrom, c.EffectiveTo, c.RetentionDays,
            agreement.Status, agreement.Version, agreement.StatusReason, agreement.CreatedAt, agreement.UpdatedAt);
    }
}
