namespace ConsentPlatform.AppHost.Tests;

/// <summary>
/// Issue 24: the platform's processes are described once, in the AppHost. docker-compose.yml (for
/// machines with a Docker engine) is checked against the AppHost's own model, the manifest it
/// publishes (<c>--publisher manifest</c>): the same processes, each given the same settings.
/// Where containers need something else it is named below with the reason.
/// </summary>
public sealed class ComposeMatchesAppHostTests
{
    /// <summary>What the AppHost adds to every project itself (telemetry endpoint, Kestrel ports, forwarded headers).</summary>
    private static bool SetByAspire(string name) =>
        name.StartsWith("OTEL_", StringComparison.Ordinal) || name is "HTTP_PORTS" or "ASPNETCORE_FORWARDEDHEADERS_ENABLED";

    /// <summary>Settings only containers need: the gateway and the portal are called by their container names.</summary>
    private static readonly Dictionary<string, string[]> OnlyInCompose = new()
    {
        ["gateway"] = ["AllowedHosts"],
        ["portal"] = ["AllowedHosts"],
    };

    /// <summary>Compose's own helpers, not processes of the platform: the one-shot container that makes the broker users.</summary>
    private static readonly string[] ComposeHelpers = ["broker-users"];

    [Fact]
    public async Task Compose_runs_the_processes_the_AppHost_describes()
    {
        var manifest = await AppHostManifestAsync();
        var compose = ComposeServices();

        var described = manifest.Keys.Where(k => manifest[k].Type is "project.v0" or "value.v0").Order().ToList();
        var composed = compose.Keys.Except(ComposeHelpers).Order().ToList();
        Assert.Equal(described, composed);
    }

    [Fact]
    public async Task Compose_gives_each_process_the_settings_the_AppHost_gives_it()
    {
        var manifest = await AppHostManifestAsync();
        var compose = ComposeServices();

        var mismatches = new List<string>();
        foreach (var (name, resource) in manifest.Where(r => r.Value.Type == "project.v0"))
        {
            var expected = resource.Environment.Where(e => !SetByAspire(e)).ToHashSet();
            var actual = compose.TryGetValue(name, out var env) ? env.Except(OnlyInCompose.GetValueOrDefault(name, [])).ToHashSet() : [];
            var missing = expected.Except(actual).Order().ToList();
            var extra = actual.Except(expected).Order().ToList();
            if (missing.Count > 0) mismatches.Add($"{name}: docker-compose.yml lacks {string.Join(", ", missing)}");
            if (extra.Count > 0) mismatches.Add($"{name}: the AppHost does not set {string.Join(", ", extra)}");
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    [Fact]
    public async Task Where_Docker_answers_the_AppHost_runs_the_containers_compose_runs()
    {
        var manifest = await AppHostManifestAsync(containers: true);
        var compose = ReadCompose();
        var services = (Dictionary<object, object>)compose["services"];
        var environments = ComposeServices();

        var containers = manifest.Where(r => r.Value.Type == "container.v0").ToList();
        Assert.Equal(services.Keys.Cast<string>().Where(s => !manifest.ContainsKey(s) || manifest[s].Type != "project.v0").Order(),
            containers.Select(c => c.Key).Order());
        foreach (var (name, container) in containers)
        {
            Assert.Equal((string)((Dictionary<object, object>)services[name])["image"], container.Image);
            Assert.Equal(environments[name].Order(), container.Environment.Order());
        }

        // The apps are given the same settings either way.
        var local = await AppHostManifestAsync();
        foreach (var (name, resource) in manifest.Where(r => r.Value.Type == "project.v0"))
            Assert.Equal(local[name].Environment.Order(), resource.Environment.Order());
    }

    [Fact]
    public async Task Compose_publishes_the_gateway_on_the_port_the_AppHost_gives_it()
    {
        var manifest = await AppHostManifestAsync();
        var port = manifest["gateway"].Ports.Single();
        var yaml = ReadCompose();

        var services = (Dictionary<object, object>)yaml["services"];
        var ports = ((List<object>)((Dictionary<object, object>)services["gateway"])["ports"]).Cast<string>();
        Assert.Contains($"{port}:8080", ports);
    }

    private sealed record Resource(string Type, string? Image, IReadOnlyList<string> Environment, IReadOnlyList<int> Ports);

    /// <summary>The AppHost's model as its manifest publisher writes it, with the default ports (and RabbitMQ and PostgreSQL as containers).</summary>
    private static async Task<Dictionary<string, Resource>> AppHostManifestAsync(bool containers = false)
    {
        var root = RepositoryRoot.Find();
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var dll = Path.Combine(root, "infra", "AppHost", "bin", configuration, "net10.0", "ConsentPlatform.AppHost.dll");
        var output = Path.Combine(Directory.CreateTempSubdirectory("consentplatform-manifest-").FullName, "manifest.json");
        var start = new ProcessStartInfo("dotnet", [dll, "--publisher", "manifest", "--output-path", output])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // A state folder of its own: with containers the AppHost makes the passwords it lacks.
        var state = Path.Combine(Path.GetDirectoryName(output)!, "state");
        start.Environment["CP_STATE_DIR"] = state;
        start.Environment["CP_DEPENDENCIES"] = containers ? "containers" : "local";
        foreach (var port in (string[])["CONSENT_PORT", "DSA_REGISTRY_PORT", "DISCLOSURE_PORT", "AUDIT_PORT", "PORTAL_PORT", "GATEWAY_PORT"])
            start.Environment.Remove(port);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0 && File.Exists(output), $"the AppHost's manifest publisher failed ({process.ExitCode}): {await stdout}{await stderr}");

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
        Directory.Delete(Path.GetDirectoryName(output)!, recursive: true);
        return document.RootElement.GetProperty("resources").EnumerateObject().ToDictionary(
            r => r.Name,
            r => new Resource(
                r.Value.GetProperty("type").GetString()!,
                r.Value.TryGetProperty("image", out var image) ? image.GetString() : null,
                r.Value.TryGetProperty("env", out var env) ? env.EnumerateObject().Select(e => e.Name).ToList() : [],
                r.Value.TryGetProperty("bindings", out var bindings)
                    ? bindings.EnumerateObject().Select(b => b.Value.GetProperty("targetPort").GetInt32()).ToList()
                    : []));
    }

    /// <summary>docker-compose.yml's services and the names of their environment (anchors and merges resolved).</summary>
    private static Dictionary<string, IReadOnlyList<string>> ComposeServices()
    {
        var services = (Dictionary<object, object>)ReadCompose()["services"];
        return services.ToDictionary(
            s => (string)s.Key,
            s => ((Dictionary<object, object>)s.Value).TryGetValue("environment", out var env)
                ? (IReadOnlyList<string>)((Dictionary<object, object>)env).Keys.Cast<string>().ToList()
                : []);
    }

    private static Dictionary<object, object> ReadCompose()
    {
        using var reader = new StreamReader(Path.Combine(RepositoryRoot.Find(), "docker-compose.yml"));
        var deserializer = new DeserializerBuilder().Build();
        return deserializer.Deserialize<Dictionary<object, object>>(new MergingParser(new Parser(reader)));
    }
}
