namespace ConsentPlatform.AppHost;

/// <summary>
/// What the AppHost reads from its environment: the same variables, with the same defaults, as the
/// infra scripts (infra/README.md), so that <c>infra/up</c> and a plain <c>dotnet run</c> agree.
/// </summary>
public sealed record PlatformSettings(
    string RepositoryRoot,
    string StateDirectory,
    int PostgresPort,
    int RabbitMqPort,
    IReadOnlyDictionary<string, int> Ports,
    bool ExportTelemetry,
    bool Containers)
{
    /// <summary>Where a process listens: <c>http://127.0.0.1:&lt;port&gt;</c>.</summary>
    public string Url(string process) => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Ports[process]}");

    /// <summary>The local token issuer: the gateway, as browsers name it.</summary>
    public string Issuer => string.Create(CultureInfo.InvariantCulture, $"http://localhost:{Ports["gateway"]}");

    public string KeyDirectory => Path.Combine(StateDirectory, "keys");

    /// <summary>A file under <c>.state/keys</c> (the local issuer's, receipt and checkpoint keys, the portal's data-protection keys).</summary>
    public string Key(string name) => Path.Combine(KeyDirectory, name);

    /// <summary>
    /// A password made once into <c>.state/keys/&lt;name&gt;.password</c>: by <c>infra/deps</c> for the local
    /// processes (it also gave it to the role or user, so a missing file is an error), by the AppHost
    /// itself for containers (their initialisation scripts take it from the environment).
    /// </summary>
    public string Secret(string name)
    {
        var file = Key(name + ".password");
        if (!File.Exists(file) && Containers)
        {
            Directory.CreateDirectory(KeyDirectory);
            File.WriteAllText(file, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return File.Exists(file)
            ? File.ReadAllText(file).Trim()
            : throw new InvalidOperationException($"{file} is missing: run infra/deps up first (infra/up does)");
    }

    public static PlatformSettings From(IDistributedApplicationBuilder builder)
    {
        var config = builder.Configuration;
        int Port(string variable, int fallback) => int.TryParse(config[variable], out var p) ? p : fallback;
        var root = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));
        return new PlatformSettings(
            RepositoryRoot: root,
            StateDirectory: config["CP_STATE_DIR"] is { Length: > 0 } state ? state : Path.Combine(root, ".state"),
            PostgresPort: Port("POSTGRES_PORT", 25432),
            RabbitMqPort: Port("RABBITMQ_PORT", 25672),
            Ports: PlatformApps.All.ToDictionary(a => a.Name, a => Port(a.PortVariable, a.DefaultPort)),
            // Every process sends its traces, metrics and logs to the dashboard (CP_TELEMETRY=0: none).
            ExportTelemetry: config["CP_TELEMETRY"] != "0",
            // RabbitMQ and PostgreSQL as containers (CP_DEPENDENCIES=containers) or the local processes of infra/deps.
            Containers: config["CP_DEPENDENCIES"] == "containers");
    }
}
