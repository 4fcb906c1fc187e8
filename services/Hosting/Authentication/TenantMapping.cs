namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Who a token from a tenant acts as, decided by the platform's own list of onboarded tenants and
/// never by the token's <c>org</c> claim alone: a pure function, so every process decides alike.
/// <list type="bullet">
/// <item>An unknown tenant is refused.</item>
/// <item>A tenant mapped to one organisation acts for it, whatever <c>org</c> the token claims.</item>
/// <item>A tenant mapped to several acts for the one its user chose: the request's
/// <c>X-Acting-Org</c> (<c>chosenOrg</c>, picked in the portal), else the token's <c>org</c>,
/// if the mapping allows it. A choice outside the mapping is refused; so is no choice (the platform will
/// not pick), except where the process allows an unchosen sign-in (<c>allowUnchosen</c>: the
/// gateway's <c>/auth/session</c>, so the portal can learn the choices), which then acts with no
/// organisation and no role at all.</item>
/// <item>A request's choice (<c>X-Acting-Org</c>) outside the mapping is refused for every tenant: one
/// organisation's tenant may only name its own, a tenant of no organisation none.</item>
/// <item>Roles: those the token holds that the mapping allows; none left is refused.</item>
/// <item>A tenant of no organisation is a consumer tenant (young carers'): see <see cref="TenantResolution.IsConsumer"/>.</item>
/// </list>
/// </summary>
public static class TenantMapping
{
    public static TenantResolution Resolve(
        IReadOnlyCollection<OnboardedTenant> tenants,
        string tenantId,
        string? claimedOrg,
        IReadOnlyCollection<string> claimedRoles,
        string? chosenOrg = null,
        bool allowUnchosen = false)
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

        // Listed only where there is a choice to make: the portal offers them.
        IReadOnlyList<string> choices = tenant.OrgIds.Count > 1 ? tenant.OrgIds : [];
        if (chosenOrg is not null)
        {
            var chosen = tenant.OrgIds.FirstOrDefault(o => string.Equals(o, chosenOrg, StringComparison.OrdinalIgnoreCase));
            if (chosen is null)
            {
                return TenantResolution.Refused(tenant.OrgIds.Count == 0
                    ? $"Tenant {tenantId} acts for no organisation; it cannot choose {chosenOrg}."
                    : $"Tenant {tenantId} may not act for {chosenOrg} (it may act for {string.Join(", ", tenant.OrgIds)}).");
            }

            return TenantResolution.Accepted(chosen, roles, OrgChoices: choices);
        }

        string? org = tenant.OrgIds.Count switch
        {
            0 => null,
            1 => tenant.OrgIds[0],
            _ => tenant.OrgIds.FirstOrDefault(o => string.Equals(o, claimedOrg, StringComparison.OrdinalIgnoreCase)),
        };
        if (tenant.OrgIds.Count > 1 && org is null)
        {
            if (claimedOrg is null && allowUnchosen) return TenantResolution.Unchosen(choices);
            return TenantResolution.Refused(claimedOrg is null
                ? $"Tenant {tenantId} acts for several organisations ({string.Join(", ", tenant.OrgIds)}) and the token chose none."
                : $"Tenant {tenantId} may not act for {claimedOrg} (it may act for {string.Join(", ", tenant.OrgIds)}).");
        }

        return TenantResolution.Accepted(org, roles, IsConsumer: tenant.OrgIds.Count == 0, OrgChoices: choices);
    }
}

/// <summary>
/// The organisation and roles a tenant's token acts with, or why it is refused. <see cref="IsConsumer"/>:
/// a tenant of no organisation (young carers'), whose tokens act for the ledger id their sign-in is
/// linked to, never for a <c>subject_id</c> they claim. <see cref="OrgChoices"/>: the organisations a
/// tenant mapped to several may choose among (empty otherwise).
/// </summary>
public sealed record TenantResolution(bool IsAccepted, string? OrgId, IReadOnlyList<string> Roles, string? Refusal, bool IsConsumer = false)
{
    public IReadOnlyList<string> OrgChoices { get; init; } = [];

    public static TenantResolution Accepted(string? orgId, IReadOnlyList<string> roles, bool IsConsumer = false, IReadOnlyList<string>? OrgChoices = null) =>
        new(true, orgId, roles, null, IsConsumer) { OrgChoices = OrgChoices ?? [] };

    /// <summary>Signed in to a shared tenant without choosing: no organisation and no role, only the choices.</summary>
    public static TenantResolution Unchosen(IReadOnlyList<string> choices) => new(true, null, [], null) { OrgChoices = choices };

    public static TenantResolution Refused(string why) => new(false, null, [], why);
}
