namespace ConsentPlatform.TestSupport.Processes;

/// <summary>
/// The identity tenants every process of the test platform has onboarded (<c>Auth:Tenants</c>,
/// issue 18): a school's own tenant, a trust's tenant shared by two GP practices, and the consumer
/// tenant young carers sign in from. Only tokens that name a tenant (<c>tid</c>) are mapped; the
/// suites' other dev tokens name none and keep their claims (local mode).
/// </summary>
public static class TestTenants
{
    public const string School = "tenant-school";
    public const string SchoolOrg = "URN-TENANT";
    public const string Trust = "tenant-trust";
    public static readonly string[] TrustOrgs = ["GP-TRUST-1", "GP-TRUST-2"];
    public const string Consumer = "tenant-young-carers";

    /// <summary>The platform operator's own tenant: the only place <c>PlatformAdministrator</c> comes from.</summary>
    public const string Platform = "tenant-platform";
    public const string PlatformOrg = "CP-OPERATOR";

    /// <summary>The tenants as environment variables (<c>Auth__Tenants__0__TenantId</c>, …).</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = Build(
        (School, "Riverside School's tenant", [SchoolOrg], ["Practitioner", "IgOfficer", "SafeguardingLead"]),
        (Trust, "The trust's tenant", TrustOrgs, ["Practitioner", "IgOfficer"]),
        (Consumer, "Young carers", [], ["YoungCarer"]),
        (Platform, "The platform operator", [PlatformOrg], ["PlatformAdministrator"]));

    /// <summary>How many tenants <see cref="Settings"/> configures: a fixture that onboards more numbers them from here.</summary>
    public static int Count => Settings.Keys.Count(k => k.EndsWith("__TenantId", StringComparison.Ordinal));

    private static Dictionary<string, string> Build(params (string Id, string Name, string[] Orgs, string[] Roles)[] tenants) => SettingsOf(0, tenants);

    /// <summary>Tenants as environment variables, numbered from <paramref name="first"/> (<c>Auth__Tenants__{first}__TenantId</c>, …).</summary>
    public static Dictionary<string, string> SettingsOf(int first, params (string Id, string Name, string[] Orgs, string[] Roles)[] tenants)
    {
        ArgumentNullException.ThrowIfNull(tenants);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < tenants.Length; i++)
        {
            var prefix = $"Auth__Tenants__{first + i}__";
            settings[prefix + "TenantId"] = tenants[i].Id;
            settings[prefix + "Name"] = tenants[i].Name;
            for (var o = 0; o < tenants[i].Orgs.Length; o++) settings[$"{prefix}OrgIds__{o}"] = tenants[i].Orgs[o];
            for (var r = 0; r < tenants[i].Roles.Length; r++) settings[$"{prefix}Roles__{r}"] = tenants[i].Roles[r];
        }

        return settings;
    }
}
