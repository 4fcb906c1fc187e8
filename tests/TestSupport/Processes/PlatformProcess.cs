namespace ConsentPlatform.TestSupport.Processes;

/// <summary>
/// One platform process (a service or the gateway) run from its built dll, exactly as
/// <c>infra/up</c> runs it: <c>dotnet &lt;dll&gt;</c> with its settings in the environment and its
/// output in a log file. Stopped and started again by pid, so fault tests can kill it.
/// </summary>
public sealed class PlatformProcess
{
    private readonly string dll;
    private readonly IReadOnlyDictionary<string, string> environment;
    private Process? process;

    internal PlatformProcess(string name, string dll, int port, string logFile, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        this.dll = dll;
        Port = port;
        LogFile = logFile;
        this.environment = environment;
    }

    public string Name { get; }
    public int Port { get; }
    public string LogFile { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");
    public int? Pid => process is { HasExited: false } ? process.Id : null;
    public bool IsRunning => process is { HasExited: false };

    public void Start()
    {
        if (IsRunning) return;
        // bash execs dotnet, so the pid we hold is the service's own, and its output goes
        // straight to the log file without a pipe that this test process must drain.
        var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet \"{dll}\" >> \"{LogFile}\" 2>&1"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment) start.Environment[key] = value;
        process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Name}");
    }

    /// <summary>Stops the process: SIGTERM (graceful) or SIGKILL (<c>kill -9</c>), and waits until it is gone.</summary>
    public async Task StopAsync(bool kill = false, TimeSpan? timeout = null)
    {
        if (process is null || process.HasExited) return;
        using (var signal = Process.Start("kill", [kill ? "-KILL" : "-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await signal.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            await process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    /// <summary>
    /// A second instance of the same service with the same settings on another port: a
    /// competing consumer on the same queues and the same database.
    /// </summary>
    public PlatformProcess AnotherInstance(int port)
    {
        var settings = new Dictionary<string, string>(environment) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" };
        var log = Path.Combine(Path.GetDirectoryName(LogFile)!, $"{Name}-{port}.log");
        return new PlatformProcess($"{Name}-{port}", dll, port, log, settings);
    }

    /// <summary>The end of the process's log, for a failure message.</summary>
    public string LogTail(int lines = 40)
    {
        if (!File.Exists(LogFile)) return "(no log)";
        using var stream = new FileStream(LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }
}
