namespace ConsentPlatform.Disclosure.Keys;

/// <summary>
/// The offline key commands, without the web host, the broker or a token, on the same settings
/// as the service (appsettings, environment, then <c>--Section:Key value</c> arguments):
/// <code>dotnet ConsentPlatform.Disclosure.dll keys rotate
/// dotnet ConsentPlatform.Disclosure.dll keys rewrap --connection "Host=…;Database=disclosure;…"</code>
/// <c>rotate</c> adds a new current KEK to the provider's ring (older keys stay, so every package
/// still reads); <c>rewrap</c> re-wraps every stored data key under the current KEK and migrates
/// packages of before envelopes, printing progress and counts. Exit code 0 done, 1 rewrap left
/// keys behind, 2 usage or error.
/// </summary>
public static class KeysCommand
{
    private const string Usage = "usage: ConsentPlatform.Disclosure keys rotate|rewrap [--connection \"<PostgreSQL connection string>\"] [--key-file <path>] [--Disclosure:Keys:Provider LocalFile|AzureKeyVault …]";

    public static bool IsRequested(string[] args) => args is ["keys", ..];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (args is not ["keys", ("rotate" or "rewrap") and var verb, .. var rest])
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        IConfiguration configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .SetBasePath(AppContext.BaseDirectory)
                .AddJsonFile("appsettings.json", optional: true)
                .AddEnvironmentVariables()
                .AddCommandLine(rest, new Dictionary<string, string> { ["--connection"] = "ConnectionStrings:Marten", ["--key-file"] = KeyRingSettings.FileSetting })
                .Build();
        }
        catch (FormatException)
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        try
        {
            var provider = KeyRingSettings.Provider(configuration);
            if (verb == "rotate")
            {
                var id = await provider.RotateAsync(DateTimeOffset.UtcNow, CancellationToken.None);
                await output.WriteLineAsync($"rotated: new current key-encryption key {id} in the {provider.Description}; new packages use it, older ones read as before until `keys rewrap`");
                return 0;
            }

            var connectionString = configuration.GetConnectionString("Marten");
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                await error.WriteLineAsync(Usage);
                return 2;
            }

            var ring = (await provider.LoadAsync(CancellationToken.None)).WithLegacy(KeyRingSettings.LegacyKey(configuration));
            using var store = OpenStore(connectionString);
            var result = await KeyRewrap.RunAsync(store, ring, TimeProvider.System, output, CancellationToken.None);
            await output.WriteLineAsync($"rewrapped {result.Rewrapped} data key(s) to {result.CurrentKeyId}, migrated {result.Migrated} legacy package(s), {result.AlreadyCurrent} already current, {result.PurgedMeanwhile} purged meanwhile, {result.Left} left under other keys");
            return result.Left == 0 ? 0 : 1;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or NpgsqlException or ArgumentException
                                      or System.Security.Cryptography.CryptographicException or Azure.RequestFailedException or Azure.Identity.AuthenticationFailedException)
        {
            // Messages name settings, files and key ids, never key material.
            await error.WriteLineAsync($"keys {verb} failed: {e.GetType().Name}: {e.Message}");
            return 2;
        }
    }

    /// <summary>The disclosure schema's package documents only, serialised exactly as the service does.</summary>
    public static DocumentStore OpenStore(string connectionString) => DocumentStore.For(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = "disclosure";
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
        options.Schema.For<SealedPackage>();
        options.Schema.For<PackageDataKey>();
    });
}
