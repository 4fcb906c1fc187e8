namespace ConsentPlatform.Security.Tests.SignIn;

/// <summary>
/// The whole platform in its production authentication configuration (issue 18, part 3):
/// <c>Auth:Mode=Entra</c>, Microsoft.Identity.Web with <c>TenantId=organizations</c>, and a real,
/// OpenID Certified provider (<see cref="OidcProvider"/>) as the identity tenants: the school's and
/// the trust's staff tenants (onboarded, <see cref="TestTenants"/>), the young carers' consumer
/// tenant, and a tenant the platform never onboarded. No dev token exists here: every token comes
/// from the provider through the authorization-code flow with PKCE. Shared (<see cref="ProductionSignIn"/>)
/// by the sign-in tests and the authorization matrix's production run, whose tenants and accounts
/// (<see cref="MatrixTenants"/>) it onboards too, so the suite starts it once.
/// </summary>
public sealed class SignInPlatform : PlatformProcesses
{
    public const string Stranger = "tenant-never-onboarded";

    private OidcProvider? provider;
    private string? workFolder;

    public OidcProvider Provider => provider ?? throw new InvalidOperationException("the provider has not started");

    /// <summary>The accounts of each tenant, by login name: the sign-in tests' and the matrix's.</summary>
    public static IReadOnlyList<OidcTenant> Tenants { get; } = WithMatrixAccounts(
    [
        new(TestTenants.School,
        [
            // Claims the council's code: the school's tenant maps to the school, whatever it says.
            new("pat", "Pat Teacher", ["Practitioner"], Org: "LA-NOT-MINE"),
            new("ines", "Ines Officer", ["IgOfficer"]),
            // Assigned an app role the platform does not allow a school.
            new("aud", "Aud Itor", ["Auditor"]),
        ]),
        new(TestTenants.Trust,
        [
            new("gp-second", "Dr Second", ["Practitioner"], Org: TestTenants.TrustOrgs[1]),
            new("gp-none", "Dr None", ["Practitioner"]),
            new("gp-outside", "Dr Outside", ["Practitioner"], Org: TestTenants.SchoolOrg),
        ]),
        new(TestTenants.Consumer,
        [
            new("sam", "Sam", ["YoungCarer"]),
            new("sam-phone", "Sam", ["YoungCarer"]),
            new("alex", "Alex", ["YoungCarer"]),
        ]),
        new(Stranger, [new("mallory", "Mallory", ["Practitioner"], Org: TestTenants.SchoolOrg)]),
    ]);

    private static List<OidcTenant> WithMatrixAccounts(IReadOnlyList<OidcTenant> tenants) =>
    [
        .. tenants.Select(t => MatrixTenants.Accounts.TryGetValue(t.TenantId, out var more) ? t with { Accounts = [.. t.Accounts, .. more] } : t),
        .. MatrixTenants.Accounts.Where(m => tenants.All(t => t.TenantId != m.Key)).Select(m => new OidcTenant(m.Key, m.Value)),
    ];

    protected override async ValueTask BeforeStartAsync(string workFolder)
    {
        this.workFolder = workFolder;
        provider = await OidcProvider.StartAsync(Tenants, workFolder);
    }

    protected override IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraSettings =>
        new[] { "consent", "dsa-registry", "disclosure", "audit", "gateway" }.ToDictionary(
            name => name,
            name => (IReadOnlyDictionary<string, string>)ProductionAuthentication(name));

    private Dictionary<string, string> ProductionAuthentication(string process)
    {
        var settings = Provider.ProductionAuthentication(process, workFolder!);
        foreach (var (key, value) in MatrixTenants.Settings) settings[key] = value;
        return settings;
    }

    /// <summary>A client of the gateway carrying the access token <paramref name="login"/> got by signing in at <paramref name="tenantId"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string tenantId, string login)
    {
        var token = await Provider.SignInAsync(tenantId, login);
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public override Task<HttpClient> WarmUpClientAsync() => SignedInAsync(TestTenants.School, "pat");

    protected override async ValueTask DisposeInfrastructureAsync()
    {
        if (provider is not null) await provider.DisposeAsync();
    }
}

/// <summary>The classes that run on the one production platform (<see cref="SignInPlatform"/>), started once for them all.</summary>
[CollectionDefinition(nameof(ProductionSignIn))]
public sealed class ProductionSignIn : ICollectionFixture<SignInPlatform>;
