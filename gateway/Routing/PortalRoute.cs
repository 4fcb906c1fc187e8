namespace ConsentPlatform.Gateway.Routing;

/// <summary>
/// The web portal (<c>portal/</c>) is served behind the gateway at <c>/</c>: one catch-all route
/// with the lowest priority, so every API route keeps precedence. It is anonymous here because
/// the portal has its own cookie sign-in; the portal calls the API back through the gateway with
/// the user's bearer token like any other client. Paths under the gateway's own prefixes
/// (<c>/api</c>, <c>/auth</c>, <c>/.well-known</c>, <c>/openapi</c>, <c>/health</c>, <c>/fhir</c>) never reach the
/// portal: an unknown one stays a 404 problem from the gateway.
/// </summary>
public static class PortalRoute
{
    public const string RouteId = "portal";
    public const string ConfigKey = "Portal";
    public const string DefaultAddress = "http://127.0.0.1:5105";

    private static readonly string[] GatewayPrefixes = ["/api", "/auth", "/.well-known", "/openapi", "/health", "/fhir"];

    public static RouteConfig Route() => new()
    {
        RouteId = RouteId,
        ClusterId = RouteId,
        AuthorizationPolicy = ServiceProxy.Anonymous,
        // YARP orders routes by Order first: the highest value is tried last.
        Order = int.MaxValue,
        Match = new RouteMatch { Path = "/{**portal}" },
    };

    public static ClusterConfig Cluster(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var address = configuration[$"Services:{ConfigKey}"];
        return new ClusterConfig
        {
            ClusterId = RouteId,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [RouteId] = new() { Address = string.IsNullOrWhiteSpace(address) ? DefaultAddress : address },
            },
        };
    }

    /// <summary>True when the request matched the portal route under one of the gateway's own prefixes.</summary>
    public static bool IsGatewayPathCaughtByPortal(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var route = context.GetEndpoint()?.Metadata.GetMetadata<RouteModel>();
        return route?.Config.RouteId == RouteId
               && GatewayPrefixes.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));
    }
}
