namespace ConsentPlatform.DsaRegistry.Tenants;

/// <summary><c>GET /api/tenants</c>: every onboarded tenant, from the configuration and from the registry (platform administrators only).</summary>
public static class ListingTenants
{
    public static RouteGroupBuilder MapListTenants(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Get, "/", HandleAsync, "ListTenants", policy: PlatformRoles.PlatformAdministrator,
            summary: "List the onboarded identity tenants (platform administrators)");

    private static async Task<Ok<TenantRegistryView>> HandleAsync(
        IQuerySession session, IOptionsMonitor<OnboardedTenantsOptions> configured, HttpResponse response, CancellationToken cancellationToken)
    {
        var registry = await TenantRegistryStore.ReadAsync(session, cancellationToken);
        var fromConfiguration = configured.CurrentValue.Tenants
            .Select(t => new RegistryTenant(t.TenantId, t.Name, [.. t.OrgIds], [.. t.Roles], t.OrgIds.Count == 0, TenantSource.Configuration));
        var fromRegistry = registry.Tenants.Select(t => RegistryTenant.From(t, TenantSource.Registry));
        response.SetETag(registry.Version);
        return TypedResults.Ok(new TenantRegistryView(registry.Version, [.. fromConfiguration.Concat(fromRegistry).OrderBy(t => t.TenantId, StringComparer.OrdinalIgnoreCase)]));
    }
}
