namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own (own port and data folder under the temp folder,
/// run as the <c>postgres</c> user as <c>infra/deps</c> does), so that a fault test can stop one
/// service's database without disturbing anyone else's.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string root;
    private readonly string bin;

    private PrivatePostgres(string root, string bin, int port)
    {
        this.root = root;
        this.bin = bin;
        Port = port;
    }

    public int Port { get; }
    public string ServerConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Password=postgres;Timeout=5";
    private string DataDir => Path.Combine(root, "data");

    public static async Task<PrivatePostgres> StartAsync()
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null) throw new InvalidOperationException("PostgreSQL is not installed: run infra/deps up once.");

        var root = Path.Combine(Path.GetTempPath(), "consentplatform-tests", $"pg-{Guid.NewGuid():N}"[..15]);
        Directory.CreateDirectory(root);
        await RunAsync("chown", "postgres:postgres", root);
        var server = new PrivatePostgres(root, bin, LoopbackPorts.Free());
        await server.AsPostgresAsync("initdb", "-D", server.DataDir, "-U", "postgres", "--auth=trust", "--no-sync");
        await server.StartAgainAsync();
        return server;
    }

    public Task StartAgainAsync() =>
        AsPostgresAsync("pg_ctl", "-D", DataDir, "-l", Path.Combine(root, "postgres.log"), "-w", "-t", "30",
            "-o", $"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off", "start");

    /// <summary>Fast shutdown (what an operator's stop does): connections are cut at once.</summary>
    public Task StopAsync() => AsPostgresAsync("pg_ctl", "-D", DataDir, "-m", "fast", "-w", "-t", "30", "stop");

    public async Task CreateDatabaseAsync(string name)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new Npgsql.NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataDir, "postmaster.pid")))
        {
            await StopAsync();
        }

        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // left for the temp folder's cleaner
        }
    }

    private Task AsPostgresAsync(string tool, params string[] arguments) =>
        RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(bin, tool), .. arguments]);

    private static async Task RunAsync(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode.ToString(CultureInfo.InvariantCulture)}):\n{await output}\n{await error}");
        }
    }
}
