namespace ConsentPlatform.Gateway.Tests.Support;

/// <summary>How to start a gateway for a test: local mode or not, extra settings, and which
/// services should be unreachable (their address points at a closed loopback port).</summary>
public sealed record GatewaySetup
{
    public bool LocalMode { get; init; } = true;

    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    public IReadOnlySet<string> Unreachable { get; init; } = new HashSet<string>();
}

/// <summary>
/// The real gateway (its Program) on Kestrel on a loopback port, in front of one
/// <see cref="FakeService"/> per downstream service.
/// </summary>
public sealed class GatewayHost : IAsyncDisposable
{
    public const string IssuerName = "http://gateway.test";
    public static readonly string[] ServiceNames = ["consent", "dsa-registry", "disclosure", "audit"];
    private static readonly Dictionary<string, string> ConfigKeys = new()
    {
        ["consent"] = "Consent",
        ["dsa-registry"] = "DsaRegistry",
        ["disclosure"] = "Disclosure",
        ["audit"] = "Audit",
    };

    // WebApplicationFactory finds the Program's host through a process-wide listener; starting
    // hosts one at a time keeps a fake service's host from being mistaken for the gateway's.
    private static readonly SemaphoreSlim StartLock = new(1, 1);

    private readonly GatewayFactory factory;
    private readonly string stateDirectory;

    private GatewayHost(GatewayFactory factory, Dictionary<string, FakeService> services, string stateDirectory, HttpClient client)
    {
        this.factory = factory;
        this.stateDirectory = stateDirectory;
        Services = services;
        Client = client;
    }

    public HttpClient Client { get; }

    public IReadOnlyDictionary<string, FakeService> Services { get; }

    /// <summary>The gateway's own service provider (its meters, options), not the fake services.</summary>
    public IServiceProvider GatewayServices => factory.Services;

    public string KeyFile => Path.Combine(stateDirectory, "issuer-key.json");

    /// <summary>The gateway's own signing key, read from the key file it created at start.</summary>
    public LocalIssuer Issuer => LocalIssuer.LoadOrCreate(IssuerName, KeyFile);

    /// <summary>A gateway whose portal route goes to <paramref name="portal"/>.</summary>
    public static Task<GatewayHost> StartWithPortalAsync(FakeService portal) => StartAsync(new GatewaySetup
    {
        Settings = new Dictionary<string, string?> { ["Services:Portal"] = portal.Address.ToString() },
    });

    public static async Task<GatewayHost> StartAsync(GatewaySetup? setup = null)
    {
        setup ??= new GatewaySetup();
        var stateDirectory = Directory.CreateTempSubdirectory("gateway-tests-").FullName;
        await StartLock.WaitAsync();
        try
        {
            var services = new Dictionary<string, FakeService>();
            var settings = new Dictionary<string, string?>
            {
                ["RateLimiting:PermitsPerSecond"] = "10000",
                // The warm-up's own requests would reach the fake services; GatewayWarmUpTests turns it on.
                ["WarmUp:Enabled"] = "false",
            };
            foreach (var name in ServiceNames)
            {
                if (setup.Unreachable.Contains(name))
                {
                    settings[$"Services:{ConfigKeys[name]}"] = $"http://127.0.0.1:{ClosedPort()}";
                    continue;
                }

                var fake = await FakeService.StartAsync(name);
                services[name] = fake;
                settings[$"Services:{ConfigKeys[name]}"] = fake.Address.ToString();
            }

            if (setup.LocalMode)
            {
                settings["Auth:Mode"] = "Local";
                settings["Auth:Local:Issuer"] = IssuerName;
                settings["Auth:Local:KeyFile"] = Path.Combine(stateDirectory, "issuer-key.json");
            }
            else
            {
                settings["Auth:Mode"] = "Entra";
                settings["AzureAd:Instance"] = "https://login.microsoftonline.com/";
                settings["AzureAd:TenantId"] = "11111111-1111-1111-1111-111111111111";
                settings["AzureAd:ClientId"] = "22222222-2222-2222-2222-222222222222";
                settings["AzureAd:Audience"] = "api://consentplatform-tests";
            }

            foreach (var (key, value) in setup.Settings) settings[key] = value;

            var factory = new GatewayFactory(settings);
            // Listen options, not UseKestrel(0): the port overload edits the server's addresses after
            // the build, racing Kestrel's own bind ("Addresses cannot be modified after the server has
            // started", dotnet/aspnetcore#67714); a loaded machine lost that race now and then.
            factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            // A plain client over real HTTP: the factory's own client would buffer bodies and follow redirects.
            var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            return new GatewayHost(factory, services, stateDirectory, new HttpClient { BaseAddress = new Uri(address) });
        }
        finally
        {
            StartLock.Release();
        }
    }

    public async Task<string> DevTokenAsync(string role, string? org = null, string? subjectId = null, string? name = null)
    {
        using var response = await Client.PostAsJsonAsync("/auth/dev-token", new { role, org, subjectId, name }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<DevToken>(TestContext.Current.CancellationToken);
        return body!.AccessToken;
    }

    /// <summary>A token for a typical user in the role, with the org or subject id the role needs.</summary>
    public Task<string> DevTokenForAsync(string role) => role switch
    {
        PlatformRoles.YoungCarer => DevTokenAsync(role, subjectId: "yc-0001", name: "Sam"),
        PlatformRoles.Auditor => DevTokenAsync(role, name: "Alex Auditor"),
        _ => DevTokenAsync(role, org: "SCH-100001", name: $"A {role}"),
    };

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public Task<HttpResponseMessage> GetAsync(string path, string? token = null) => SendAsync(HttpMethod.Get, path, token);

    /// <summary>Asserts that no service behind the gateway received the request named by <paramref name="probe"/>.</summary>
    public void AssertNeverReached(string probe) => Assert.All(Services.Values, s => Assert.DoesNotContain(probe, s.Received));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await factory.DisposeAsync();
        foreach (var service in Services.Values) await service.DisposeAsync();
        Directory.Delete(stateDirectory, recursive: true);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed record DevToken(string AccessToken, int ExpiresIn);

    private sealed class GatewayFactory(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Production");
            foreach (var (key, value) in settings) builder.UseSetting(key, value);
        }
    }
}
