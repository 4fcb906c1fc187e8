namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>
/// The platform with the portal in its production sign-in configuration (issue 18): the portal, the
/// gateway and every service on Microsoft.Identity.Web with <c>TenantId=organizations</c>, and a real,
/// OpenID Certified provider (<see cref="OidcProvider"/>) on loopback as the school's tenant. People sign
/// in to the portal through the authorization-code flow with PKCE in the browser; no dev token exists.
/// Access tokens live <see cref="TokenLifetime"/>, so that a test can see a session end.
/// </summary>
public class OidcPortalPlatform : PlatformProcesses
{
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromSeconds(40);

    private OidcProvider? provider;
    private string? workFolder;

    protected override bool IncludesPortal => true;

    public OidcProvider Provider => provider ?? throw new InvalidOperationException("the provider has not started");

    /// <summary>The school's tenant comes first: the provider's <c>organizations</c> sign-in is the first tenant's.</summary>
    public static IReadOnlyList<OidcTenant> Tenants { get; } =
    [
        new(TestTenants.School,
        [
            // Claims the council's code: the portal shows the school, as the platform maps the tenant.
            new("pat", "Pat Teacher", ["Practitioner"], Org: "LA-NOT-MINE"),
            // Assigned a role the platform does not allow a school: cannot sign in to the portal.
            new("aud", "Aud Itor", ["Auditor"]),
        ]),
        // Young carers' own consumer identity provider: the portal's second sign-in.
        new(TestTenants.Consumer, [new("sam", "Sam", ["YoungCarer"])]),
    ];

    public string Url(string path = "/") => new Uri(Gateway.BaseAddress, path).ToString();

    /// <summary>The provider's tenants; the first is the one the portal's <c>organizations</c> sign-in goes to.</summary>
    protected virtual IReadOnlyList<OidcTenant> ProviderTenants => Tenants;

    protected override async ValueTask BeforeStartAsync(string workFolder)
    {
        this.workFolder = workFolder;
        provider = await OidcProvider.StartAsync(ProviderTenants, workFolder, TokenLifetime,
            [new Uri($"http://127.0.0.1:{GatewayPort}/"), new Uri($"http://localhost:{GatewayPort}/")]);
    }

    protected override IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraSettings =>
        new[] { "consent", "dsa-registry", "disclosure", "audit", "gateway", "portal" }.ToDictionary(
            name => name,
            name => (IReadOnlyDictionary<string, string>)ProductionAuthentication(name));

    private Dictionary<string, string> ProductionAuthentication(string process)
    {
        var settings = Provider.ProductionAuthentication(process, workFolder!);
        if (process == "portal")
        {
            settings["Portal__ApiScopes__0"] = "access_as_user";
            settings["YoungCarers__Authority"] = Provider.IssuerOf(TestTenants.Consumer);
            settings["YoungCarers__ClientId"] = OidcProvider.ClientId;
            settings["YoungCarers__Scopes__0"] = "access_as_user";
        }
        return settings;
    }

    public override async Task<HttpClient> WarmUpClientAsync()
    {
        var token = await Provider.SignInAsync(TestTenants.School, "pat");
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    protected override async ValueTask DisposeInfrastructureAsync()
    {
        if (provider is not null) await provider.DisposeAsync();
    }
}

/// <summary>
/// The same production sign-in with the trust's tenant first (the provider's <c>organizations</c> sign-in
/// goes to the first tenant), so that a member of a tenant shared by two GP practices signs in to the portal.
/// </summary>
public sealed class SharedTenantPortalPlatform : OidcPortalPlatform
{
    protected override IReadOnlyList<OidcTenant> ProviderTenants { get; } =
    [
        new(TestTenants.Trust, [new("gp-none", "Dr None", ["Practitioner"])]),
        .. Tenants,
    ];
}
