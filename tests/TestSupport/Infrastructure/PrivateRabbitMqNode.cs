namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// A RabbitMQ node of the test's own (its own ports, state and cookie in a temporary folder), so
/// that a test can stop and restart a broker without disturbing anyone sharing the main one.
/// Uses the local RabbitMQ scripts, as <c>infra/deps</c> does; its state survives a restart, so
/// durable queues and their bindings come back with it.
/// </summary>
public sealed class PrivateRabbitMqNode : IAsyncDisposable
{
    private const string Bin = "/usr/lib/rabbitmq/bin";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly string root;
    private readonly string nodeName;
    private readonly int distPort;

    private PrivateRabbitMqNode(string root, ushort port, int distPort)
    {
        this.root = root;
        this.distPort = distPort;
        Port = port;
        nodeName = $"cp-test-{Path.GetFileName(root)}@localhost";
    }

    public string Host => "127.0.0.1";
    public ushort Port { get; }
    public string Username => "guest";
    public string Password => "guest";
    public BrokerSettings Settings => new(Host, Port, "/", Username, Password);

    private string PidFile => Path.Combine(root, "rabbitmq.pid");

    public static async Task<PrivateRabbitMqNode> StartAsync()
    {
        if (!File.Exists(Path.Combine(Bin, "rabbitmq-server")))
        {
            throw new InvalidOperationException($"RabbitMQ is not installed in {Bin}: run infra/deps up once (it installs rabbitmq-server).");
        }

        var root = Path.Combine(Path.GetTempPath(), "consentplatform-tests", $"rmq-{Guid.NewGuid():N}"[..16]);
        Directory.CreateDirectory(Path.Combine(root, "home"));
        Directory.CreateDirectory(Path.Combine(root, "mnesia"));
        Directory.CreateDirectory(Path.Combine(root, "log"));
        // Ports low enough that the CLI's own distribution ports (node port + 10000) stay valid.
        var port = LoopbackPorts.FreeBetween(21000, 29000);
        var dist = LoopbackPorts.FreeBetween(29000, 32700);
        var node = new PrivateRabbitMqNode(root, (ushort)port, dist);
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq.conf"), $"""
            listeners.tcp.1 = 127.0.0.1:{port}
            loopback_users.guest = true
            log.console = false
            log.file.level = warning
            """);
        await File.WriteAllTextAsync(Path.Combine(root, "enabled_plugins"), "[].");
        await File.WriteAllTextAsync(Path.Combine(root, "advanced.config"), "[].");
        await File.WriteAllTextAsync(Path.Combine(root, "rabbitmq-env.conf"), string.Empty);
        try
        {
            await node.StartAgainAsync();
        }
        catch
        {
            // Nobody will dispose a node that never came back from here: one that missed its start
            // limit on a loaded machine and came up later ran on, orphaned, until someone killed it.
            await node.KillAfterFailedStartAsync();
            throw;
        }

        return node;
    }

    /// <summary>
    /// Kills whatever this node's start left running: its processes run in its own folder (the
    /// Erlang VM, epmd's child helpers), which is how they are found when the pid file was never written.
    /// </summary>
    private async Task KillAfterFailedStartAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        do
        {
            foreach (var process in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(process), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
                string? cwd;
                try
                {
                    cwd = new DirectoryInfo(Path.Combine(process, "cwd")).LinkTarget;
                }
                catch (IOException)
                {
                    continue;
                }
                catch (UnauthorizedAccessException)
                {
                    continue;
                }

                if (cwd is not null && cwd.StartsWith(root, StringComparison.Ordinal))
                {
                    using var kill = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
                    await kill.WaitForExitAsync();
                }
            }

            // A VM still being exec'd may not have moved into the folder yet: look again for a few seconds.
            await Task.Delay(500);
        }
        while (DateTime.UtcNow < deadline);

        File.Delete(PidFile);
    }

    /// <summary>
    /// Gives every service a user of its own, limited as <c>infra/broker-permissions</c> says; the
    /// node keeps them across a restart.
    /// </summary>
    public async Task<ServiceBrokerUsers> AddServiceUsersAsync()
    {
        var users = ServiceBrokerUsers.Create("private");
        var definitions = Path.Combine(root, "service-users.json");
        await File.WriteAllTextAsync(definitions, users.Definitions("/"));
        await RunAsync("rabbitmqctl", "import_definitions", definitions);
        File.Delete(definitions);
        return users;
    }

    /// <summary>Starts the node (again) and returns once its AMQP port accepts connections.</summary>
    public async Task StartAgainAsync()
    {
        File.Delete(PidFile);
        await RunAsync("rabbitmq-server", "-detached");
        await RunAsync("rabbitmqctl", "wait", "--timeout", "60", PidFile);
        await RunAsync("rabbitmqctl", "await_startup", "--timeout", "60");
        await WaitForPortAsync(open: true);
    }

    /// <summary>Stops the node (SIGTERM, as an operator would) and returns once it is gone.</summary>
    public async Task StopAsync()
    {
        if (!File.Exists(PidFile)) return;
        var pid = int.Parse((await File.ReadAllTextAsync(PidFile)).Trim(), CultureInfo.InvariantCulture);
        using (var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (Directory.Exists($"/proc/{pid}") && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (Directory.Exists($"/proc/{pid}"))
        {
            using var killHard = Process.Start("kill", ["-KILL", pid.ToString(CultureInfo.InvariantCulture)]);
            await killHard.WaitForExitAsync();
        }

        File.Delete(PidFile);
        await WaitForPortAsync(open: false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a process on its way out; the temp folder is cleaned later.
        }
    }

    private async Task RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path.Combine(Bin, tool))
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in Environment()) start.Environment[key] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{tool} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["HOME"] = Path.Combine(root, "home"),
        ["RABBITMQ_NODENAME"] = nodeName,
        ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
        ["RABBITMQ_NODE_PORT"] = Port.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_DIST_PORT"] = distPort.ToString(CultureInfo.InvariantCulture),
        ["RABBITMQ_MNESIA_BASE"] = Path.Combine(root, "mnesia"),
        ["RABBITMQ_LOG_BASE"] = Path.Combine(root, "log"),
        ["RABBITMQ_LOGS"] = Path.Combine(root, "log", "rabbitmq.log"),
        ["RABBITMQ_PID_FILE"] = PidFile,
        ["RABBITMQ_CONFIG_FILE"] = Path.Combine(root, "rabbitmq.conf"),
        ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(root, "enabled_plugins"),
        ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(root, "advanced.config"),
        ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(root, "rabbitmq-env.conf"),
        ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        ["ERL_CRASH_DUMP"] = Path.Combine(root, "log", "erl_crash.dump"),
        ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
    };

    private async Task WaitForPortAsync(bool open)
    {
        var deadline = DateTime.UtcNow + StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            if (await AcceptsAsync(Port) == open) return;
            await Task.Delay(100);
        }

        throw new TimeoutException($"RabbitMQ port {Port} did not {(open ? "open" : "close")} in time.");
    }

    private static async Task<bool> AcceptsAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
