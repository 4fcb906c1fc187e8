namespace ConsentPlatform.Audit.Verifying;

/// <summary>
/// The offline check, without the web host, the broker or a token:
/// <code>dotnet ConsentPlatform.Audit.dll verify --connection "Host=…;Database=audit;Username=…;Password=…"</code>
/// (or the connection string in <c>ConnectionStrings__Marten</c>). Prints the same JSON as
/// <c>GET /api/audit/verify</c>; exit code 0 valid, 1 invalid, 2 usage or connection error.
/// With <c>--bundle FILE --key KEY</c> (issue 19) it checks an exported bundle instead
/// (<c>GET /api/audit/export</c>) with nothing but the log's verifier key (the key itself, or a file
/// holding it): no database at all.
/// </summary>
public static class VerifyCommand
{
    public static bool IsRequested(string[] args) => args is ["verify", ..];

    private static async Task<int> VerifyBundleAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? Option(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var bundleFile = Option("--bundle");
        var key = Option("--key");
        if (bundleFile is null || key is null)
        {
            await error.WriteLineAsync("usage: ConsentPlatform.Audit verify --bundle <bundle.json> --key <verifier key | file holding it>");
            return 2;
        }

        try
        {
            var logKey = Checkpoints.NoteKey.ParseVerifier(File.Exists(key) ? await File.ReadAllTextAsync(key) : key);
            var result = BundleVerifier.Verify(await File.ReadAllTextAsync(bundleFile), logKey);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, PlatformJson.Options));
            return result.Valid ? 0 : 1;
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"verify failed: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args.Contains("--bundle")) return await VerifyBundleAsync(args, output, error);
        var index = Array.IndexOf(args, "--connection");
        var connectionString = index >= 0 && index + 1 < args.Length
            ? args[index + 1]
            : Environment.GetEnvironmentVariable("ConnectionStrings__Marten");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync("usage: ConsentPlatform.Audit verify --connection \"<PostgreSQL connection string>\"");
            return 2;
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            var result = await LedgerVerifier.VerifyAsync(connection, CancellationToken.None);
            await output.WriteLineAsync(JsonSerializer.Serialize(result, PlatformJson.Options));
            return result.Valid ? 0 : 1;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            await error.WriteLineAsync("verify failed: this database holds no audit ledger (the audit.ledger tables do not exist).");
            return 2;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedColumn)
        {
            // Verification only reads: migrating a ledger written before its canonical bytes were stored is the service's job.
            await error.WriteLineAsync("verify failed: this ledger predates stored canonical bytes (ADR 0004, amended 2026-11-26); start the audit service once to migrate it.");
            return 2;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            await error.WriteLineAsync($"verify failed: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }
}
