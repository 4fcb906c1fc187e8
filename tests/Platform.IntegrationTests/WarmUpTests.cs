namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>A warm-up step the test holds until it lets it go; it counts its passes.</summary>
public sealed class HeldWarmUpStep : IWarmUpStep
{
    private readonly TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int passes;

    public string Name => "held by the test";

    public int Passes => Volatile.Read(ref passes);

    public Task Started => started.Task;

    public void Release() => release.TrySetResult();

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref passes);
        started.TrySetResult();
        await release.Task.WaitAsync(cancellationToken);
    }
}

/// <summary>A step that needs another service which never answers.</summary>
public sealed class UnansweredWarmUpStep : IWarmUpStep
{
    public string Name => "a service that never answers";

    public bool AsksAnotherService => true;

    public Task RunOnceAsync(CancellationToken cancellationToken) => throw new TimeoutException("no answer");
}

/// <summary>The consent service, real database and broker, with a warm-up step the test holds; not waited for at start.</summary>
public sealed class HeldWarmUpHost : ServiceHost<ConsentEntryPoint>
{
    public HeldWarmUpHost() : base("warmup-held")
    {
    }

    public HeldWarmUpStep Held { get; } = new();

    protected override bool WaitsUntilReadyAtStart => false;

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.ConfigureServices(services => services.AddScoped<IWarmUpStep>(_ => Held));
    }
}

/// <summary>The consent service with a warm-up step whose dependency never answers, bounded at one second.</summary>
public sealed class UnansweredWarmUpHost : ServiceHost<ConsentEntryPoint>
{
    public UnansweredWarmUpHost() : base("warmup-unanswered")
    {
    }

    protected override void ConfigureService(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseSetting("WarmUp:DependencyTimeout", "00:00:01");
        builder.ConfigureServices(services => services.AddWarmUpStep<UnansweredWarmUpStep>());
    }
}

/// <summary>
/// Issue 23 part 5a: a service reports ready only once its warm-up has run, so that a load balancer
/// (and the gateway) sends it no share it would decide while still compiling; and a warm-up that
/// cannot finish is bounded.
/// </summary>
public sealed class WarmUpTests(HeldWarmUpHost held, UnansweredWarmUpHost unanswered)
    : IClassFixture<HeldWarmUpHost>, IClassFixture<UnansweredWarmUpHost>
{
    [Fact]
    public async Task Readiness_is_503_naming_the_warm_up_while_it_runs_and_200_once_every_pass_ran()
    {
        using var client = held.CreateClient();
        await held.Held.Started.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        var (status, checks) = await ReadinessAsync(client);

        // Database and broker are up: only the warm-up keeps the service out.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("rabbitmq").GetProperty("status").GetString());
        Assert.Equal("Unhealthy", checks.GetProperty("warm-up").GetProperty("status").GetString());
        Assert.Contains("held by the test, pass 1 of", checks.GetProperty("warm-up").GetProperty("description").GetString(), StringComparison.Ordinal);

        held.Held.Release();
        await held.WaitUntilReadyAsync(TimeSpan.FromSeconds(30));
        (status, checks) = await ReadinessAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("warmed up in", checks.GetProperty("warm-up").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(new WarmUpOptions().Rounds, held.Held.Passes);
    }

    [Fact]
    public async Task A_step_whose_dependency_never_answers_is_given_up_after_its_bound_and_the_service_says_so_when_ready()
    {
        using var client = unanswered.CreateClient();

        var (status, checks) = await ReadinessAsync(client);

        Assert.Equal(HttpStatusCode.OK, status);
        var description = checks.GetProperty("warm-up").GetProperty("description").GetString();
        Assert.Contains("warm-up incomplete", description, StringComparison.Ordinal);
        Assert.Contains("a service that never answers", description, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Checks)> ReadinessAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return (response.StatusCode, report.RootElement.GetProperty("checks").Clone());
    }
}
