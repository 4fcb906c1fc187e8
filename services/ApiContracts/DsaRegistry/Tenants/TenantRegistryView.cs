namespace ConsentPlatform.DsaRegistry.Tenants;

[JsonConverter(typeof(JsonStringEnumConverter<TenantSource>))]
public enum TenantSource
{
    /// <summary>The platform's configuration (<c>Auth:Tenants</c>): changed by a deployment, not through the API.</summary>
    [JsonStringEnumMemberName("configuration")] Configuration,

    /// <summary>The ledgered registry: changed by a platform administrator through the API.</summary>
    [JsonStringEnumMemberName("registry")] Registry,
}

/// <summary>One onboarded tenant as the API shows it (<c>GET /api/tenants</c>), and where its mapping is kept.</summary>
public sealed record RegistryTenant(string TenantId, string? Name, IReadOnlyList<string> OrgIds, IReadOnlyList<string> Roles, bool Consumer, TenantSource Source)
{
    public static RegistryTenant From(TenantOnboarding t, TenantSource source) =>
        new(t.TenantId, t.Name, t.OrgIds, t.Roles, t.OrgIds.Count == 0, source);
}

/// <summary>Every onboarded tenant, and the registry's version (its ETag) to send back with a change.</summary>
public sealed record TenantRegistryView(long Version, IReadOnlyList<RegistryTenant> Tenants);
