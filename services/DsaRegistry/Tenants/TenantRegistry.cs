namespace ConsentPlatform.DsaRegistry.Tenants;

/// <summary>
/// The registry's own Marten events for onboarded tenants (issue 18), named apart from the published
/// contracts (<c>ConsentPlatform.Contracts.DsaRegistry.TenantOnboarded</c> …) they are mapped to at the
/// edge (<c>Publishing/DsaEventContracts</c>), adding the event id and the registry's version.
/// </summary>
public static class TenantEvent
{
    public sealed record Onboarded(TenantOnboarding Tenant, EventActor OnboardedBy, DateTimeOffset OnboardedAt);

    public sealed record MappingChanged(TenantOnboarding Tenant, EventActor ChangedBy, DateTimeOffset ChangedAt);

    public sealed record Offboarded(string TenantId, string Reason, EventActor OffboardedBy, DateTimeOffset OffboardedAt);

    /// <summary>Each event's name in <c>mt_events.type</c>, the one of before the rename: never change one.</summary>
    public static IReadOnlyDictionary<Type, string> StoredNames { get; } = new Dictionary<Type, string>
    {
        [typeof(Onboarded)] = "tenant_onboarded",
        [typeof(MappingChanged)] = "tenant_mapping_changed",
        [typeof(Offboarded)] = "tenant_offboarded",
    };
}

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
            TenantEvent.Onboarded e => current with { Version = current.Version + 1, Tenants = current.With(e.Tenant) },
            TenantEvent.MappingChanged e => current with { Version = current.Version + 1, Tenants = current.With(e.Tenant) },
            TenantEvent.Offboarded e => current with { Version = current.Version + 1, Tenants = current.Without(e.TenantId) },
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
        if (e.Data is not (TenantEvent.Onboarded or TenantEvent.MappingChanged or TenantEvent.Offboarded)) return snapshot;
        return TenantRegistryEvolution.Evolve(snapshot, e.Data);
    }
}
