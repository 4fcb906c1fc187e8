namespace ConsentPlatform.Description;

/// <summary>
/// One process of the platform: its resource name, project, default port, database and broker user,
/// the key files it is given (setting → file name under the key folder), and the name the gateway's
/// <c>Services</c> section knows it by.
/// </summary>
public sealed record PlatformApp(
    string Name,
    string Project,
    int DefaultPort,
    string? Database,
    string? BrokerUser,
    string SectionName,
    IReadOnlyDictionary<string, string> KeyFiles)
{
    /// <summary>The project's folder, relative to the repository root.</summary>
    public string Folder => Path.GetDirectoryName(Project)!.Replace('\\', '/');

    /// <summary>The built program, in the project's <c>bin/&lt;configuration&gt;/net10.0</c>.</summary>
    public string Dll => Path.GetFileNameWithoutExtension(Project) + ".dll";

    /// <summary>The environment variable that moves its port (as in infra/lib.sh): <c>DSA_REGISTRY_PORT</c>.</summary>
    public string PortVariable => Name.Replace('-', '_').ToUpperInvariant() + "_PORT";
}

/// <summary>
/// The platform's processes, described once (issue 24): the AppHost (infra/AppHost) and the process
/// suites' <c>PlatformProcesses</c> (tests/TestSupport, which compiles this file in) both read this list.
/// docker-compose.yml is checked against the AppHost by tests/AppHost.
/// </summary>
public static class PlatformApps
{
    private static readonly IReadOnlyDictionary<string, string> NoKeys = new Dictionary<string, string>();

    public static readonly PlatformApp Consent = new("consent", "services/Consent/ConsentPlatform.Consent.csproj", 5101, "consent", "consent", "Consent",
        // The consent receipts' signing key (EC P-256), created at first start.
        new Dictionary<string, string> { ["Consent__ReceiptKeyFile"] = "consent-receipt-key.json" });

    public static readonly PlatformApp DsaRegistry = new("dsa-registry", "services/DsaRegistry/ConsentPlatform.DsaRegistry.csproj", 5102, "dsa_registry", "dsa-registry", "DsaRegistry", NoKeys);

    public static readonly PlatformApp Disclosure = new("disclosure", "services/Disclosure/ConsentPlatform.Disclosure.csproj", 5103, "disclosure", "disclosure", "Disclosure", NoKeys);

    public static readonly PlatformApp Audit = new("audit", "services/Audit/ConsentPlatform.Audit.csproj", 5104, "audit", "audit", "Audit",
        // The ledger's checkpoint-signing key (Ed25519, a Go note key), created at first start.
        new Dictionary<string, string> { ["Audit__CheckpointKeyFile"] = "audit-checkpoint-key" });

    /// <summary>No database or broker: it calls the API through the gateway.</summary>
    public static readonly PlatformApp Portal = new("portal", "portal/ConsentPlatform.Portal.csproj", 5105, null, null, "Portal", NoKeys);

    /// <summary>A broker user only to ask the DSA registry which tenants are onboarded (issue 18).</summary>
    public static readonly PlatformApp Gateway = new("gateway", "gateway/ConsentPlatform.Gateway.csproj", 8080, null, "gateway", "Gateway", NoKeys);

    /// <summary>The four services, each with its own database and broker user, in start order.</summary>
    public static IReadOnlyList<PlatformApp> Services { get; } = [Consent, DsaRegistry, Disclosure, Audit];

    /// <summary>Every process, in start order (the gateway last: it is the public entry point).</summary>
    public static IReadOnlyList<PlatformApp> All { get; } = [Consent, DsaRegistry, Disclosure, Audit, Portal, Gateway];

    /// <summary>
    /// What every process is given, whoever starts it (the AppHost, the process suites): its URL on
    /// loopback, workstation GC (two cores), and local tokens from the issuer at the gateway's address.
    /// </summary>
    public static IReadOnlyDictionary<string, string> CommonSettings(int port, string issuer, string issuerKeyFile) =>
        new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["DOTNET_gcServer"] = "0",
            ["Auth__Mode"] = "Local",
            ["Auth__Local__Issuer"] = issuer,
            ["Auth__Local__KeyFile"] = issuerKeyFile,
        };
}
