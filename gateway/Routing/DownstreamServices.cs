namespace ConsentPlatform.Gateway.Routing;

/// <summary>One of the four services behind the gateway; its address comes from <c>Services:{ConfigKey}</c>.</summary>
public sealed record DownstreamService(string Name, string ConfigKey, string DefaultAddress, string Title);

public static class DownstreamServices
{
    public static readonly DownstreamService Consent = new("consent", "Consent", "http://127.0.0.1:5101", "Consent");
    public static readonly DownstreamService DsaRegistry = new("dsa-registry", "DsaRegistry", "http://127.0.0.1:5102", "DSA registry");
    public static readonly DownstreamService Disclosure = new("disclosure", "Disclosure", "http://127.0.0.1:5103", "Disclosure");
    public static readonly DownstreamService Audit = new("audit", "Audit", "http://127.0.0.1:5104", "Audit");

    public static IReadOnlyList<DownstreamService> All { get; } = [Consent, DsaRegistry, Disclosure, Audit];

    public static Uri AddressOf(this IConfiguration configuration, DownstreamService service)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(service);
        var address = configuration[$"Services:{service.ConfigKey}"];
        return new Uri(string.IsNullOrWhiteSpace(address) ? service.DefaultAddress : address);
    }
}
