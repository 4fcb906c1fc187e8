namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// Finds a real broker and a real database, once per test process, in this order:
/// <list type="number">
/// <item>the environment: <c>CP_TEST_POSTGRES</c>, <c>CP_TEST_RABBITMQ</c>, <c>CP_TEST_RABBITMQ_MANAGEMENT</c> (what <c>infra/test</c> sets);</item>
/// <item>Testcontainers, when a Docker engine answers;</item>
/// <item>the local processes of <c>infra/deps up</c>, started here if they are not running.</item>
/// </list>
/// Never an in-memory stand-in.
/// </summary>
public static class PlatformInfrastructure
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static InfrastructureEndpoints? endpoints;
    private static readonly List<IContainer> Containers = [];

    public static async Task<InfrastructureEndpoints> GetAsync()
    {
        if (endpoints is not null) return endpoints;
        await Gate.WaitAsync();
        try
        {
            return endpoints ??= await FindAsync();
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<InfrastructureEndpoints> FindAsync()
    {
        var fromEnvironment = FromEnvironment();
        if (fromEnvironment is not null) return fromEnvironment;
        if (await DockerEngineAnswersAsync()) return await StartContainersAsync();
        return await StartLocalProcessesAsync();
    }

    private static InfrastructureEndpoints? FromEnvironment()
    {
        var postgres = Environment.GetEnvironmentVariable("CP_TEST_POSTGRES");
        var rabbit = Environment.GetEnvironmentVariable("CP_TEST_RABBITMQ");
        var management = Environment.GetEnvironmentVariable("CP_TEST_RABBITMQ_MANAGEMENT");
        if (string.IsNullOrWhiteSpace(postgres) || string.IsNullOrWhiteSpace(rabbit) || string.IsNullOrWhiteSpace(management))
        {
            return null;
        }

        return new InfrastructureEndpoints(postgres, new Uri(rabbit), new Uri(management), "environment");
    }

    /// <summary>A quick look for a Docker engine: the CLI alone (as on this project's machines) is not enough.</summary>
    private static async Task<bool> DockerEngineAnswersAsync()
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        var socketPath = host is not null && host.StartsWith("unix://", StringComparison.Ordinal) ? host["unix://".Length..] : "/var/run/docker.sock";
        if (host is not null && !host.StartsWith("unix://", StringComparison.Ordinal)) return true; // a remote engine was named on purpose
        if (!File.Exists(socketPath)) return false;
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static async Task<InfrastructureEndpoints> StartContainersAsync()
    {
        var postgres = new PostgreSqlBuilder("postgres:16").Build();
        var rabbit = new RabbitMqBuilder("rabbitmq:3-management").WithUsername("guest").WithPassword("guest").WithPortBinding(15672, true).Build();
        Containers.Add(postgres);
        Containers.Add(rabbit);
        await Task.WhenAll(postgres.StartAsync(), rabbit.StartAsync());

        var server = new Npgsql.NpgsqlConnectionStringBuilder(postgres.GetConnectionString()) { Database = null };
        var management = new Uri($"http://guest:guest@{rabbit.Hostname}:{rabbit.GetMappedPublicPort(15672)}/");
        return new InfrastructureEndpoints(server.ConnectionString, new Uri(rabbit.GetConnectionString()), management, "testcontainers");
    }

    private static async Task<InfrastructureEndpoints> StartLocalProcessesAsync()
    {
        var root = RepositoryRoot.Find();
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "infra", "deps"), "up"])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start infra/deps");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"infra/deps up failed ({process.ExitCode}):\n{await output}\n{await error}");
        }

        var pgPort = Environment.GetEnvironmentVariable("POSTGRES_PORT") ?? "25432";
        var amqpPort = Environment.GetEnvironmentVariable("RABBITMQ_PORT") ?? "25672";
        var managementPort = Environment.GetEnvironmentVariable("RABBITMQ_MANAGEMENT_PORT") ?? "25673";
        return new InfrastructureEndpoints(
            $"Host=127.0.0.1;Port={pgPort};Username=postgres;Password=postgres",
            new Uri($"amqp://guest:guest@127.0.0.1:{amqpPort}/"),
            new Uri($"http://guest:guest@127.0.0.1:{managementPort}/"),
            "local processes (infra/deps)");
    }
}
