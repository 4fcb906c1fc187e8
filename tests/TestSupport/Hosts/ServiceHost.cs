namespace ConsentPlatform.TestSupport.Hosts;

/// <summary>
/// One service, in process through <see cref="WebApplicationFactory{TEntryPoint}"/>, on a real
/// PostgreSQL database and a real RabbitMQ virtual host of its own. Use as a class or collection
/// fixture; <typeparamref name="TModule"/> is any type of the service's assembly (its module).
/// </summary>
public class ServiceHost<TModule> : WebApplicationFactory<TModule>, IAsyncLifetime
    where TModule : class
{
    private readonly string prefix;
    private readonly bool ownsVirtualHost = true;
    private IsolatedDatabase? database;
    private IsolatedVirtualHost? virtualHost;

    public ServiceHost() : this(typeof(TModule).Name.Replace("EntryPoint", string.Empty, StringComparison.Ordinal).ToLowerInvariant())
    {
    }

    protected ServiceHost(string prefix) => this.prefix = prefix;

    /// <summary>
    /// A host on <paramref name="sharedVirtualHost"/> instead of a fresh one, so that several
    /// services of one suite talk to each other over the broker. The caller owns (and deletes) it.
    /// </summary>
    protected ServiceHost(string prefix, IsolatedVirtualHost sharedVirtualHost)
    {
        this.prefix = prefix;
        virtualHost = sharedVirtualHost ?? throw new ArgumentNullException(nameof(sharedVirtualHost));
        ownsVirtualHost = false;
    }

    public InfrastructureEndpoints Infrastructure { get; private set; } = default!;
    public IsolatedDatabase Database => database ?? throw new InvalidOperationException("not initialised");
    public IsolatedVirtualHost VirtualHost => virtualHost ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        Infrastructure = await PlatformInfrastructure.GetAsync();
        database = await IsolatedDatabase.CreateAsync(Infrastructure, prefix);
        virtualHost ??= await IsolatedVirtualHost.CreateAsync(Infrastructure, prefix);
        _ = Server; // start the host now, so that a broken start fails the fixture, not a test
        if (WaitsUntilReadyAtStart) await WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>False for a suite that looks at readiness while the service is still starting (its warm-up).</summary>
    protected virtual bool WaitsUntilReadyAtStart => true;

    /// <summary>A client whose requests carry a local-issuer token for the role.</summary>
    public HttpClient ClientFor(string role, string? org = null, string? subjectId = null) =>
        CreateClient().Authorize(role, org, subjectId);

    /// <summary>Waits for the readiness checks (database, bus and warm-up) the way a load balancer would.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        var health = Services.GetRequiredService<HealthCheckService>();
        using var deadline = new CancellationTokenSource(timeout);
        HealthReport report;
        do
        {
            report = await health.CheckHealthAsync(c => c.Tags.Contains("ready"), deadline.Token);
            if (report.Status == HealthStatus.Healthy) return;
            await Task.Delay(200, deadline.Token);
        }
        while (!deadline.IsCancellationRequested);

        throw new TimeoutException("service not ready: " + string.Join(", ", report.Entries.Select(e => $"{e.Key}={e.Value.Status}")));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("ConnectionStrings:Marten", Database.ConnectionString);
        foreach (var (key, value) in VirtualHost.AsConfiguration())
        {
            builder.UseSetting(key, value);
        }

        builder.UseSetting("Auth:Mode", "Local");
        builder.UseSetting("Auth:Local:Issuer", TestTokens.Issuer);
        builder.UseSetting("Auth:Local:KeyFile", TestTokens.KeyFile);
        // An in-process host often runs without the services its warm-up asks (the disclosure
        // service asks consent and the DSA registry): give up on them sooner than a deployment does.
        builder.UseSetting("WarmUp:DependencyTimeout", "00:00:05");
        ConfigureService(builder);
    }

    /// <summary>Per-suite settings on top of the defaults.</summary>
    protected virtual void ConfigureService(IWebHostBuilder builder)
    {
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (virtualHost is not null && ownsVirtualHost) await virtualHost.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
