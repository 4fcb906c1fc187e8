namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Who a token from a tenant acts as, decided by the platform's own list of onboarded tenants and
/// never by the token's <c>org</c> claim alone: a pure function, so every process decides alike.
/// <list type="bullet">
/// <item>An unknown tenant is refused.</item>
/// <item>A tenant mapped to one organisation acts for it, whatever <c>org</c> the token claims.</item>
/// <item>A tenant mapped to several acts for the one the token chose (its <c>org</c>) if the mapping
/// allows it; no choice, or a choice outside the mapping, is refused (the platform will not pick).</item>
/// <item>Roles: those the token holds that the mapping allows; none left is refused.</item>
/// <item>A tenant of no organisation is a consumer tenant (young carers'): see <see cref="TenantResolution.IsConsumer"/>.</item>
/// </list>
/// </summary>
public static class TenantMapping
{
    public static TenantResolution Resolve(IReadOnlyCollection<OnboardedTenant> tenants, string tenantId, string? claimedOrg, IReadOnlyCollection<string> claimedRoles)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        ArgumentNullException.ThrowIfNull(claimedRoles);
        var tenant = tenants.FirstOrDefault(t => string.Equals(t.TenantId, tenantId, StringComparison.OrdinalIgnoreCase));
        if (tenant is null) return TenantResolution.Refused($"Tenant {tenantId} is not onboarded.");

        var roles = claimedRoles.Where(r => tenant.Roles.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal).ToList();
        if (roles.Count == 0)
        {
            return TenantResolution.Refused($"None of the token's roles ({string.Join(", ", claimedRoles)}) is allowed to tenant {tenantId} (allowed: {string.Join(", ", tenant.Roles)}).");
        }

        string? org = tenant.OrgIds.Count switch
        {
            0 => null,
            1 => tenant.OrgIds[0],
            _ => tenant.OrgIds.FirstOrDefault(o => string.Equals(o, claimedOrg, StringComparison.OrdinalIgnoreCase)),
        };
        if (tenant.OrgIds.Count > 1 && org is null)
        {
            return TenantResolution.Refused(claimedOrg is null
                ? $"Tenant {tenantId} acts for several organisations ({string.Join(", ", tenant.OrgIds)}) and the token chose none."
                : $"Tenant {tenantId} may not act for {claimedOrg} (it may act for {string.Join(", ", tenant.OrgIds)}).");
        }

        return TenantResolution.Accepted(org, roles, IsConsumer: tenant.OrgIds.Count == 0);
    }
}

/// <summary>
/// The organisation and roles a tenant's token acts with, or why it is refused. <see cref="IsConsumer"/>:
/// a tenant of no organisation (young carers'), whose tokens act for the ledger id their sign-in is
/// linked to, never for a <c>subject_id</c> they claim.
/// </summary>
public sealed record TenantResolution(bool IsAccepted, string? OrgId, IReadOnlyList<string> Roles, string? Refusal, bool IsConsumer = false)
{
    public static TenantResolution Accepted(string? orgId, IReadOnlyList<string> roles, bool IsConsumer = false) => new(true, orgId, roles, null, IsConsumer);

    public static TenantResolution Refused(string why) => new(false, null, [], why);
}
