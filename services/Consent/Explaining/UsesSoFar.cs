using ConsentPlatform.Consent.Using;
using ConsentPlatform.Contracts.DsaRegistry;

namespace ConsentPlatform.Consent.Explaining;

/// <summary>
/// How many times the consent was used (<see cref="ConsentUse"/>: each approved share and each
/// package read under it) and the latest: when, which organisation, and its name. The name is the
/// organisation's as the agreements covering the purpose give it now (the events name an
/// organisation by its id and a person by a user id, never by a name): left out when those
/// agreements no longer name it.
/// </summary>
public sealed record UsesSoFar(int Count, DateTimeOffset? LastUsedAt, string? LastUsedByOrgId, string? LastUsedByName)
{
    public static UsesSoFar Of(ConsentUseTally tally, IReadOnlyList<PurposeOrganisation> organisations)
    {
        ArgumentNullException.ThrowIfNull(tally);
        ArgumentNullException.ThrowIfNull(organisations);
        if (tally.Last is not { } last) return new UsesSoFar(tally.Count, null, null, null);
        var name = organisations.FirstOrDefault(o => string.Equals(o.OrgId, last.UsedByOrgId, StringComparison.Ordinal))?.Name;
        return new UsesSoFar(tally.Count, last.UsedAt, last.UsedByOrgId, name);
    }
}
