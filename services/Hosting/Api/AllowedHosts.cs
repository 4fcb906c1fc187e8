namespace ConsentPlatform.Hosting.Api;

/// <summary>
/// The host names a public process (the gateway, the portal) answers to, from ASP.NET Core's own
/// <c>AllowedHosts</c> setting: names separated by <c>;</c>, without ports, <c>*.example.org</c>
/// for subdomains, <c>*</c> for any. Unset, it is the local machine's names, which is what
/// <c>infra/up</c> and the test fixtures use (on any port); production lists its public name.
/// Why it matters: the portal builds its redirects from the host a request names, so an
/// unchecked <c>Host: evil.example</c> sends the next click to evil.example.
/// </summary>
public static class AllowedHosts
{
    public const string ConfigKey = "AllowedHosts";

    public static readonly IReadOnlyList<string> Local = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The configured names; null when any host is allowed (<c>*</c>).</summary>
    public static IReadOnlyList<string>? Of(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var names = (configuration[ConfigKey] ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) return Local;
        return names.Contains("*", StringComparer.Ordinal) ? null : names;
    }
}
