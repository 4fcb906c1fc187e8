using System.Text.Json.Serialization;
using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.DsaRegistry.Api;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Api;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ConsentPlatform.DsaRegistry.Tenants;

[JsonConverter(typeof(JsonStringEnumConverter<TenantSource>))]
public enum TenantSource
{
    /// <summary>The platform's configuration (<c>Auth:Tenants</c>): changed by a deployment, not through the API.</summary>
    [JsonStringEnumMemberName("configuration")] Configuration,

    /// <summary>The ledgered registry: changed by a platform administrator through the API.</summary>
    [JsonStringEnumMemberName("registry")] Registry,
}

/// <summary>One onboarded tenant as the API shows it, and where its mapping is kept.</summary>
public sealed record RegistryTenant(string TenantId, string? Name, IReadOnlyList<string> OrgIds, IReadOnlyList<string> Roles, bool Consumer, TenantSource Source)
{
    public static RegistryTenant From(TenantOnboarding t, TenantSource source) =>
        new(t.TenantId, t.Name, t.OrgIds, t.Roles, t.OrgIds.Count == 0, source);
}

/// <summary>Every onboarded tenant, and the registry's version (its ETag) to send back with a change.</summary>
public sealed record TenantRegistryView(long Version, IReadOnlyList<RegistryTenant> Tenants);

/// <summary><c>GET /api/tenants</c>: every onboarded tenant, from the configuration and from the registry (platform administrators only).</summary>
public static class ListingTenants
{
    public static RouteGroupBuilder MapListTenants(this RouteGroupBuilder group)
    {
        group.MapGet("/", HandleAsync)
            .RequireAuthorization(PlatformRoles.PlatformAdministrator)
            .WithName("ListTenants")
            .WithSummary("List the onboarded identity tenants (platform administrators)")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return group;
    }

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
