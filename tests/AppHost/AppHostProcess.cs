namespace ConsentPlatform.AppHost.Tests;

/// <summary>
/// The AppHost started as <c>infra/up</c> starts it (its dll, the dashboard on loopback without
/// sign-in), on ports of its own, against the broker and databases of <c>infra/deps</c> (the
/// checkout's <c>.state/keys</c> hold the services' passwords; <c>infra/test</c> runs
/// <c>infra/deps up</c> and exports <c>POSTGRES_PORT</c> and <c>RABBITMQ_PORT</c>). Stopped like
/// <c>infra/down</c> stops it: SIGTERM, then every process of its tree is waited for.
/// </summary>
public sealed class AppHostProcess : IAsyncLifetime
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(2.5);

    /// <summary>
    /// Once, in a fresh-clone CI run (2026-12-07), the orchestrator started its API server and the
    /// dashboard and then launched no app for four minutes; the next run, on the same machine, was ready
    /// in a minute. That hang is the orchestrator's start, not the platform's: a second start, on fresh
    /// ports, after the first one's whole tree is gone, and both attempts' logs in the failure if it fails too.
    /// </summary>
    private const int Attempts = 2;
    private static readonly string[] Apps = ["consent", "dsa-registry", "disclosure", "audit", "portal", "gateway"];

    private Process? process;
    private string? stateDirectory;

    public Uri Gateway { get; private set; } = default!;
    public Uri Dashboard { get; private set; } = default!;
    public string LogFile => Path.Combine(stateDirectory!, "logs", "apphost.log");

    public async ValueTask InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0
        var dll = Path.Combine(root, "infra", "AppHost", "bin", configuration, "net10.0", "ConsentPlatform.AppHost.dll");
        if (!File.Exists(dll)) throw new InvalidOperationException($"{dll} is missing: build the solution first");
        foreach (var variable in (string[])["POSTGRES_PORT", "RABBITMQ_PORT"])
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(variable)))
                throw new InvalidOperationException($"{variable} is not set: run this suite through infra/test, which starts infra/deps and exports it");
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await StartAsync(root, dll);
                return;
            }
            catch (TimeoutException e) when (attempt < Attempts)
            {
                Console.Error.WriteLine($"[apphost] start {attempt} of {Attempts} was not ready in {ReadyTimeout}; stopping it and starting again. {e.Message}");
                await StopAsync();
            }
        }
    }

    private async Task StartAsync(string root, string dll)
    {
        // Its own state folder: the passwords infra/deps made, and room for keys and logs.
        stateDirectory = Directory.CreateTempSubdirectory("consentplatform-apphost-").FullName;
        var keys = Directory.CreateDirectory(Path.Combine(stateDirectory, "keys")).FullName;
        foreach (var password in Directory.GetFiles(Path.Combine(root, ".state", "keys"), "*.password"))
            File.Copy(password, Path.Combine(keys, Path.GetFileName(password)));
        Directory.CreateDirectory(Path.Combine(stateDirectory, "logs"));

        var ports = Apps.ToDictionary(a => a, _ => LoopbackPorts.Free());
        var dashboardPort = LoopbackPorts.Free();
        var otlpPort = LoopbackPorts.Free();
        Gateway = new Uri($"http://localhost:{ports["gateway"]}");
        Dashboard = new Uri($"http://127.0.0.1:{dashboardPort}");

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        start.Environment.Remove("DOTNET_ENVIRONMENT");
        start.Environment["CP_STATE_DIR"] = stateDirectory;
        foreach (var (app, port) in ports)
            start.Environment[app.Replace('-', '_').ToUpperInvariant() + "_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        start.Environment["ASPNETCORE_URLS"] = Dashboard.ToString().TrimEnd('/');
        start.Environment["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = $"http://127.0.0.1:{otlpPort}";
        start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";
        start.Environment["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"] = "true";

        process = Process.Start(start) ?? throw new InvalidOperationException("the AppHost did not start");
        var log = new StreamWriter(LogFile) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + ReadyTimeout;
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"the AppHost exited ({process.ExitCode}): {Tail()}");
            try
            {
                using var ready = await client.GetAsync(new Uri(Gateway, "/health/ready"));
                if (ready.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"the gateway was not ready after {ReadyTimeout}: {Tail()}");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>The last lines of the AppHost's and the apps' logs, for a failure message.</summary>
    public string Tail()
    {
        var logs = Directory.GetFiles(Path.Combine(stateDirectory!, "logs"), "*.log");
        return string.Join(Environment.NewLine, logs.Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var lines = new StreamReader(stream).ReadToEnd().Split('\n');
            return $"----- {Path.GetFileName(f)} -----{Environment.NewLine}{string.Join('\n', lines.TakeLast(15))}";
        }));
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopAsync()
    {
        if (process is not null)
        {
            var tree = ProcessTree.Of(process.Id);
            if (!process.HasExited)
            {
                using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])) await term.WaitForExitAsync();
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                }
            }

            await ProcessTree.WaitGoneAsync(tree, TimeSpan.FromSeconds(60));
            process.Dispose();
            process = null;
        }

        if (stateDirectory is not null) Directory.Delete(stateDirectory, recursive: true);
        stateDirectory = null;
    }
}
