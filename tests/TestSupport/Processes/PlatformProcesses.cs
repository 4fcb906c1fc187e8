namespace ConsentPlatform.TestSupport.Processes;

/// <summary>
/// The whole platform as separate processes: the four services and the gateway, started from
/// their built dlls the way <c>infra/up</c> starts them, on a real broker (one fresh virtual host
/// shared by all, each service connecting as its own limited user) and real databases (one fresh
/// database per service, each owned by the service's own role), with their own key file
/// for the local issuer. Tests talk to the gateway over HTTP as users do, and may stop, kill and
/// restart any process by pid. A suite that drives the web portal sets <see cref="IncludesPortal"/>:
/// the portal then runs as a sixth process, behind the gateway at <c>/</c>.
/// </summary>
public class PlatformProcesses : IAsyncLifetime
{
    /// <summary>The four services, from the platform's one description (infra/AppHost/PlatformApps.cs).</summary>
    public static readonly IReadOnlyList<(string Name, string Folder, string Dll)> Services =
        PlatformApps.Services.Select(s => (s.Name, s.Folder, s.Dll)).ToList();

    private readonly Dictionary<string, PlatformProcess> processes = [];
    private readonly List<IsolatedDatabase> databases = [];
    private string? workDir;
    private IsolatedVirtualHost? virtualHost;

    public InfrastructureEndpoints Infrastructure { get; private set; } = default!;
    /// <summary>The broker as its administrator sees it: what a test's own connection uses.</summary>
    public BrokerSettings Broker { get; private set; } = default!;

    /// <summary>Each service's own broker user (infra/broker-permissions), as the service is given it.</summary>
    public ServiceBrokerUsers BrokerUsers { get; private set; } = default!;
    public IReadOnlyDictionary<string, IsolatedDatabase> Databases { get; private set; } = new Dictionary<string, IsolatedDatabase>();
    public PlatformProcess Gateway => processes["gateway"];
    public PlatformProcess Portal => processes["portal"];
    public PlatformProcess this[string name] => processes[name];
    public string KeyFile => Path.Combine(workDir!, "local-issuer-key.json");

    /// <summary>The consent service's receipt-signing key file (<c>Consent:ReceiptKeyFile</c>).</summary>
    public string ReceiptKeyFile => Path.Combine(workDir!, PlatformApps.Consent.KeyFiles["Consent__ReceiptKeyFile"]);

    /// <summary>The audit service's checkpoint-signing key file (<c>Audit:CheckpointKeyFile</c>).</summary>
    public string CheckpointKeyFile => Path.Combine(workDir!, PlatformApps.Audit.KeyFiles["Audit__CheckpointKeyFile"]);

    /// <summary>Extra settings per process (name → key → value), as environment variables use them (<c>Section__Key</c>).</summary>
    protected virtual IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraSettings { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>Also run the web portal (<c>portal/</c>), as <c>infra/up</c> does; the suite must build it.</summary>
    protected virtual bool IncludesPortal => false;

    public async ValueTask InitializeAsync()
    {
        Infrastructure = await PlatformInfrastructure.GetAsync();
        workDir = Directory.CreateTempSubdirectory("consentplatform-e2e-").FullName;
        // Chosen first, so that what starts before the platform (an identity provider) may know the gateway's address.
        GatewayPort = LoopbackPorts.Free();
        await BeforeStartAsync(workDir);
        (Broker, BrokerUsers) = await StartBrokerAsync();
        var brokerByService = BrokerUsers.SettingsOn(Broker);
        var databasesByService = new Dictionary<string, IsolatedDatabase>();
        foreach (var (name, _, _) in Services)
        {
            var server = await DatabaseServerForAsync(name);
            // Each service connects as its database's own role, never as the administrator.
            var database = await IsolatedDatabase.CreateOwnedAsync(server, "e2e_" + name.Replace("-", "_", StringComparison.Ordinal));
            databases.Add(database);
            databasesByService[name] = database;
        }

        Databases = databasesByService;
        var gatewayPort = GatewayPort;
        var issuer = $"http://localhost:{gatewayPort}";
        var serviceAddresses = new Dictionary<string, string>();
        foreach (var (name, folder, dll) in Services)
        {
            var port = LoopbackPorts.Free();
            serviceAddresses[name] = $"http://127.0.0.1:{port}";
            var environment = CommonEnvironment(port, issuer);
            environment["ConnectionStrings__Marten"] = databasesByService[name].OwnerConnectionString!;
            foreach (var (key, value) in brokerByService[name].AsConfiguration())
            {
                environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
            }

            // Its key files (the consent receipts', the ledger checkpoints'), in the test's own folder.
            foreach (var (setting, file) in PlatformApps.Services.Single(s => s.Name == name).KeyFiles)
            {
                environment[setting] = Path.Combine(workDir, file);
            }

            if (name == "audit")
            {
                // Checkpoints a second apart at most, so that the suites need not wait long for one.
                environment["Audit__CheckpointIntervalSeconds"] = "1";
            }

            Add(name, folder, dll, port, environment);
        }

        var gatewayEnvironment = CommonEnvironment(gatewayPort, issuer);
        foreach (var service in PlatformApps.Services)
        {
            gatewayEnvironment[$"Services__{service.SectionName}"] = serviceAddresses[service.Name];
        }

        // The gateway's bus only asks the DSA registry which tenants are onboarded (issue 18).
        foreach (var (key, value) in brokerByService["gateway"].AsConfiguration())
        {
            gatewayEnvironment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }
        if (IncludesPortal)
        {
            // The portal has no database or broker of its own: it calls the API through the gateway.
            var portalPort = LoopbackPorts.Free();
            gatewayEnvironment[$"Services__{PlatformApps.Portal.SectionName}"] = $"http://127.0.0.1:{portalPort}";
            var portalEnvironment = CommonEnvironment(portalPort, issuer);
            portalEnvironment["Gateway__BaseAddress"] = $"http://127.0.0.1:{gatewayPort}";
            portalEnvironment["Portal__DataProtectionKeys"] = Path.Combine(workDir, "portal-keys");
            Add(PlatformApps.Portal.Name, PlatformApps.Portal.Folder, PlatformApps.Portal.Dll, portalPort, portalEnvironment);
        }

        Add(PlatformApps.Gateway.Name, PlatformApps.Gateway.Folder, PlatformApps.Gateway.Dll, gatewayPort, gatewayEnvironment);

        // The gateway creates the key file first (atomically), the services then read it.
        Gateway.Start();
        foreach (var (name, _, _) in Services.Where(s => !StartedLater.Contains(s.Name))) processes[name].Start();
        if (IncludesPortal) Portal.Start();
        if (StartedLater.Count == 0) await WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        else await WaitUntilStartedServicesReadyAsync(TimeSpan.FromSeconds(120));
        await this.WarmUpAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Services left stopped when the platform starts (a fresh deployment where one service comes
    /// up late); the test starts them with <c>platform[name].Start()</c>.
    /// </summary>
    protected virtual IReadOnlySet<string> StartedLater { get; } = new HashSet<string>();

    /// <summary>
    /// Waits until each running service answers its own <c>/health/ready</c> with 200: the gateway's
    /// readiness names every service, so it stays 503 while one is deliberately stopped.
    /// </summary>
    public async Task WaitUntilStartedServicesReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var waiting = Services.Select(s => processes[s.Name]).Where(p => p.IsRunning).Append(Gateway).ToList();
        var last = "no answer";
        while (waiting.Count > 0 && DateTime.UtcNow < deadline)
        {
            var process = waiting[0];
            if (!process.IsRunning) throw new InvalidOperationException($"{process.Name} exited while starting:\n{process.LogTail()}");
            try
            {
                var path = process == Gateway ? "/health/live" : "/health/ready";
                var response = await client.GetAsync(new Uri(process.BaseAddress, path));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    waiting.RemoveAt(0);
                    continue;
                }

                last = $"{process.Name}: {await response.Content.ReadAsStringAsync()}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = $"{process.Name}: {e.Message}";
            }

            await Task.Delay(250);
        }

        if (waiting.Count > 0) throw new TimeoutException($"not ready in {timeout}: {last}");
    }

    /// <summary>
    /// The broker every service uses, and each service's user on it: by default a fresh virtual host
    /// on the shared broker.
    /// </summary>
    protected virtual async Task<(BrokerSettings Administrator, ServiceBrokerUsers Users)> StartBrokerAsync()
    {
        virtualHost = await IsolatedVirtualHost.CreateAsync(Infrastructure, "e2e");
        return (virtualHost.Settings, await virtualHost.AddServiceUsersAsync());
    }

    /// <summary>The PostgreSQL server (a connection string without a database) that holds a service's database.</summary>
    protected virtual Task<string> DatabaseServerForAsync(string service) => Task.FromResult(Infrastructure.PostgresServer);

    /// <summary>The gateway's loopback port, chosen before <see cref="BeforeStartAsync"/>.</summary>
    protected int GatewayPort { get; private set; }

    /// <summary>Starts what the platform's settings depend on (an identity provider), before any process starts.</summary>
    protected virtual ValueTask BeforeStartAsync(string workFolder) => ValueTask.CompletedTask;

    /// <summary>The practitioner the warm-up sends its throw-away requests as (<see cref="WarmUp"/>).</summary>
    public virtual Task<HttpClient> WarmUpClientAsync() => ClientAsAsync("Practitioner", org: "WARM-UP", name: "warm-up");

    /// <summary>The services that keep an event-sourced Marten store (they publish from it), with its schema.</summary>
    public static readonly IReadOnlyList<(string Service, string Schema)> EventStores =
    [
        ("consent", "consent"),
        ("dsa-registry", "dsa_registry"),
        ("disclosure", "disclosure"),
    ];

    /// <summary>A client of the gateway carrying a dev token for the role, fetched from <c>/auth/dev-token</c>.</summary>
    public async Task<HttpClient> ClientAsAsync(string role, string? org = null, string? subjectId = null, string? name = null, string? tenantId = null)
    {
        var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var response = await client.PostAsJsonAsync("/auth/dev-token", new { role, org, subjectId, name, tenantId });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Waits until the gateway's <c>/health/ready</c> is 200 (every service, database and the broker).</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        var last = "no answer";
        while (DateTime.UtcNow < deadline)
        {
            foreach (var process in processes.Values.Where(p => !p.IsRunning))
            {
                throw new InvalidOperationException($"{process.Name} exited while starting:\n{process.LogTail()}");
            }

            try
            {
                var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    if (!IncludesPortal) return;
                    var portal = await client.GetAsync(new Uri(Portal.BaseAddress, "/health/ready"));
                    if (portal.StatusCode == HttpStatusCode.OK) return;
                    last = $"portal: HTTP {(int)portal.StatusCode}";
                }
                else
                {
                    last = await response.Content.ReadAsStringAsync();
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the platform was not ready in {timeout}: {last}\n" +
                                   string.Join("\n", processes.Values.Select(p => $"--- {p.Name}\n{p.LogTail(15)}")));
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(processes.Values.Select(p => p.StopAsync()));
        if (virtualHost is not null) await virtualHost.DisposeAsync();
        foreach (var database in databases)
        {
            try
            {
                await database.DisposeAsync();
            }
            catch (Npgsql.NpgsqlException)
            {
                // a fault test's private server may be gone already; its folder goes with it
            }
        }

        await DisposeInfrastructureAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops whatever a derived fixture started for itself (a private broker or database).</summary>
    protected virtual ValueTask DisposeInfrastructureAsync() => ValueTask.CompletedTask;

    private Dictionary<string, string> CommonEnvironment(int port, string issuer)
    {
        var environment = new Dictionary<string, string>(PlatformApps.CommonSettings(port, issuer, KeyFile))
        {
            // Every process asks the tenant registry each second, so an onboarding reaches them all quickly (issue 18).
            ["Auth__TenantRegistry__RefreshSeconds"] = "1",
        };
        foreach (var (key, value) in TestTenants.Settings) environment[key] = value;
        return environment;
    }

    private void Add(string name, string folder, string dll, int port, Dictionary<string, string> environment)
    {
        if (ExtraSettings.TryGetValue(name, out var extra))
        {
            foreach (var (key, value) in extra) environment[key] = value;
        }

        var path = Path.Combine(RepositoryRoot.Find(), folder, "bin", BuildConfiguration, "net10.0", dll);
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: build the solution in {BuildConfiguration} first (infra/test does).");
        }

        processes[name] = new PlatformProcess(name, path, port, Path.Combine(workDir!, name + ".log"), environment);
    }

    /// <summary>The configuration this test assembly was built in: the services were built alongside it.</summary>
    private static string BuildConfiguration =>
        Assembly.GetExecutingAssembly().GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
