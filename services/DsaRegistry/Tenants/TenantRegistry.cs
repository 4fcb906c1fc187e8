using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.DsaRegistry;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace ConsentPlatform.DsaRegistry.Tenants;

// The registry's own Marten events for onboarded tenants (issue 18). The published contracts of the
// same names are mapped from these at the edge (Publishing/DsaEventContracts), adding the event id
// and the registry's version.

public sealed record TenantOnboarded(TenantOnboarding Tenant, EventActor OnboardedBy, DateTimeOffset OnboardedAt);

public sealed record TenantMappingChanged(TenantOnboarding Tenant, EventActor ChangedBy, DateTimeOffset ChangedAt);

public sealed record TenantOffboarded(string TenantId, string Reason, EventActor OffboardedBy, DateTimeOffset OffboardedAt);

/// <summary>
/// Every tenant onboarded through the registry, as one stream (<see cref="StreamId"/>): onboarding is
/// rare, done by a handful of platform administrators, and a single stream gives one version for the
/// whole mapping, which is what every process asks for. Kept inline by <see cref="TenantRegistryProjection"/>.
/// </summary>
public sealed record TenantRegistry(Guid Id, long Version, IReadOnlyList<TenantOnboarding> Tenants)
{
    /// <summary>The one stream of the tenant registry.</summary>
    public static readonly Guid StreamId = new("7e4a1d0c-5b1f-4c8e-9a51-0000000000e1");

    public static TenantRegistry Empty { get; } = new(StreamId, 0, []);

    public TenantOnboarding? Find(string tenantId) => Tenants.FirstOrDefault(t => SameTenant(t.TenantId, tenantId));

    public static bool SameTenant(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>The tenants with <paramref name="tenant"/> put in (replacing the same id), in tenant id order.</summary>
    internal IReadOnlyList<TenantOnboarding> With(TenantOnboarding tenant) =>
        [.. Without(tenant.TenantId).Append(tenant).OrderBy(t => t.TenantId, StringComparer.OrdinalIgnoreCase)];

    internal IReadOnlyList<TenantOnboarding> Without(string tenantId) => [.. Tenants.Where(t => !SameTenant(t.TenantId, tenantId))];

    public OnboardedTenantList ToList() => new(Version, Tenants);
}

/// <summary>The pure evolve of the registry: every event adds one to the version.</summary>
public static class TenantRegistryEvolution
{
    public static TenantRegistry Evolve(TenantRegistry? state, object @event)
    {
        var current = state ?? TenantRegistry.Empty;
        return @event switch
        {
            TenantOnboarded e => current with { Version = current.Version + 1, Tenants = current.With(e.Tenant) },
            TenantMappingChanged e => current with { Version = current.Version + 1, Tenants = current.With(e.Tenant) },
            TenantOffboarded e => current with { Version = current.Version + 1, Tenants = current.Without(e.TenantId) },
            // Unknown events leave the state as it is, but still count: the version is the stream's.
            _ => current with { Version = current.Version + 1 },
        };
    }

    public static TenantRegistry Fold(IEnumerable<object> events) => events.Aggregate(TenantRegistry.Empty, Evolve);
}

/// <summary>Keeps <see cref="TenantRegistry"/> in the same transaction as its events, so the next token check's question sees a change at once.</summary>
public sealed class TenantRegistryProjection : SingleStreamProjection<TenantRegistry, Guid>
{
    public override TenantRegistry? Evolve(TenantRegistry? snapshot, Guid id, IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        // The store's other streams are agreements: only the registry's own events make the registry.
        if (e.Data is not (TenantOnboarded or TenantMappingChanged or TenantOffboarded)) return snapshot;
        return TenantRegistryEvolution.Evolve(snapshot, e.Data);
    }
}
