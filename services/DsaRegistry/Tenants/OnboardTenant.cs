namespace ConsentPlatform.DsaRegistry.Tenants;

/// <summary>The body of <c>PUT /api/tenants/{tenantId}</c>: the whole mapping of the tenant.</summary>
public sealed record TenantRequest(string? Name, IReadOnlyList<string>? OrgIds, IReadOnlyList<string>? Roles);

public sealed record OnboardTenant(TenantOnboarding Tenant, EventActor Actor, DateTimeOffset Now);

/// <summary>
/// <c>PUT /api/tenants/{tenantId}</c> <c>{name, orgIds, roles}</c>: a platform administrator onboards an
/// organisation's identity tenant, or changes its mapping (the body is the whole mapping). The rules:
/// <list type="bullet">
/// <item>A tenant of the platform's configuration (<c>Auth:Tenants</c>) is changed there, never here: it is
/// where the administrators' own tenant lives, and the registry must not be able to rewrite it.</item>
/// <item>No tenant the registry adds may hold <c>PlatformAdministrator</c>: onboarding never hands out the
/// power to onboard.</item>
/// <item>A consumer tenant (no organisation: young carers' sign-ins) holds <c>YoungCarer</c> only; a staff
/// tenant (one or more organisations) never does.</item>
/// <item>The same mapping again records nothing (200, same version).</item>
/// </list>
/// </summary>
public static class Onboarding
{
    public const int MaxNameLength = 200;
    public const int MaxOrganisations = 50;

    public static IReadOnlyList<string> RolesRegistryMayGrant { get; } =
        [.. PlatformRoles.All.Where(r => r != PlatformRoles.PlatformAdministrator)];

    /// <summary>The request as a mapping, or null with every field in error added to <paramref name="errors"/>.</summary>
    public static TenantOnboarding? Validate(FieldErrors errors, string tenantId, TenantRequest? body)
    {
        ArgumentNullException.ThrowIfNull(errors);
        errors.Required("tenantId", tenantId, Vocabulary.TenantId(), "1 to 64 letters, digits, dots or hyphens");
        var name = body?.Name?.Trim();
        if (string.IsNullOrEmpty(name)) errors.Add("name", "The name field is required: the organisation or service people know the tenant as.");
        else if (name.Length > MaxNameLength) errors.Add("name", $"The name must be at most {MaxNameLength} characters.");
        else if (!FreeText.IsAcceptable(name)) errors.Add("name", FreeText.Requirement);

        var orgIds = body?.OrgIds ?? [];
        if (orgIds.Count > MaxOrganisations) errors.Add("orgIds", $"A tenant may act for at most {MaxOrganisations} organisations.");
        for (var i = 0; i < orgIds.Count && i < MaxOrganisations; i++)
        {
            errors.Required($"orgIds[{i}]", orgIds[i], Vocabulary.OrgId(), "an organisation id of 1 to 64 letters, digits or hyphens");
        }

        if (orgIds.Distinct(StringComparer.OrdinalIgnoreCase).Count() != orgIds.Count) errors.Add("orgIds", "Each organisation may be named once.");

        var roles = body?.Roles ?? [];
        if (roles.Count == 0) errors.Add("roles", "Name at least one role the tenant's people may hold.");
        foreach (var role in roles.Where(r => !RolesRegistryMayGrant.Contains(r, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal))
        {
            errors.Add("roles", role == PlatformRoles.PlatformAdministrator
                ? "PlatformAdministrator is held only through the platform's configuration, never through a tenant the registry onboards."
                : $"'{role}' is not a role of the platform (one of {string.Join(", ", RolesRegistryMayGrant)}).");
        }

        if (roles.Count > 0 && orgIds.Count == 0 && roles.Any(r => r != PlatformRoles.YoungCarer))
        {
            errors.Add("roles", "A tenant of no organisation is a consumer tenant, for young carers' sign-ins: it may hold YoungCarer only.");
        }

        if (orgIds.Count > 0 && roles.Contains(PlatformRoles.YoungCarer, StringComparer.Ordinal))
        {
            errors.Add("roles", "YoungCarer is held only through a consumer tenant (no organisation): an organisation's staff are not young carers here.");
        }

        if (errors.Any) return null;
        return new TenantOnboarding(tenantId, name!, [.. orgIds], [.. roles.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>The event the change records: none when the mapping is the same as now.</summary>
    public static Decision Decide(OnboardTenant command, TenantRegistry state, IReadOnlyCollection<string> configuredTenantIds)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(configuredTenantIds);
        var tenant = command.Tenant;
        if (configuredTenantIds.Any(id => TenantRegistry.SameTenant(id, tenant.TenantId)))
        {
            return Refusal.Conflict($"Tenant {tenant.TenantId} is onboarded by the platform's configuration (Auth:Tenants): change it there.");
        }

        return state.Find(tenant.TenantId) switch
        {
            null => [new TenantEvent.Onboarded(tenant, command.Actor, command.Now)],
            { } current when SameMapping(current, tenant) => [],
            _ => [new TenantEvent.MappingChanged(tenant, command.Actor, command.Now)],
        };
    }

    private static bool SameMapping(TenantOnboarding a, TenantOnboarding b) =>
        a.Name == b.Name
        && a.OrgIds.Order(StringComparer.Ordinal).SequenceEqual(b.OrgIds.Order(StringComparer.Ordinal), StringComparer.Ordinal)
        && a.Roles.Order(StringComparer.Ordinal).SequenceEqual(b.Roles.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    public static RouteGroupBuilder MapOnboardTenant(this RouteGroupBuilder group) =>
        group.MapSlice(HttpMethods.Put, "/{tenantId}", HandleAsync, "OnboardTenant", policy: PlatformRoles.PlatformAdministrator,
            summary: "Onboard an identity tenant or change its mapping (platform administrators)");

    private static async Task<Outcome<Ok<RegistryTenant>, Refused.Invalid, Refused.Conflict, Refused.PreconditionFailed>> HandleAsync(
        string tenantId, TenantRequest? body, [FromHeader(Name = IfMatch.Header)] string? ifMatch,
        ClaimsPrincipal user, IDocumentSession session, IOptionsMonitor<OnboardedTenantsOptions> configured, TimeProvider clock, HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var tenant = Validate(errors, tenantId, body);
        var expected = TenantRegistryStore.ExpectedVersion(errors, ifMatch);
        if (errors.Refusal is { } invalid) return invalid;

        var command = new OnboardTenant(tenant!, EventActors.ActorOf(user), clock.GetUtcNow());
        var configuredIds = configured.CurrentValue.Tenants.Select(t => t.TenantId).ToList();
        var change = await TenantRegistryStore.DecideAsync(session, expected, s => Decide(command, s, configuredIds), cancellationToken);
        if (change.Refusal is { } refused) return refused;
        response.SetETag(change.State.Version);
        return TypedResults.Ok(RegistryTenant.From(change.State.Find(tenant!.TenantId)!, TenantSource.Registry));
    }
}
