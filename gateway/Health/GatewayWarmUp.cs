namespace ConsentPlatform.Gateway.Health;

/// <summary>
/// The gateway's share path before its <c>/health/ready</c> turns 200 (issue 23, ADR 0015): requests
/// to the gateway itself over loopback, through everything a share request meets here (Kestrel, the
/// host check, the body limit, the bearer token's validation and tenant mapping, the rate limits and
/// the disclosure admission, the route's role check, YARP forwarding the request and copying the
/// answer back) and in the disclosure service (its HTTP and token path, a validation and a store read).
/// <para>
/// Nothing is decided or stored: a read of a disclosure that does not exist (404) and a share request
/// with an empty body (the service's 400 problem). In local mode the token is the local issuer's, for
/// a practitioner of no real organisation. With Entra ID the gateway can mint no token, so a pass
/// warms only the way to the 401 (Kestrel, the limits, the bearer handler finding no token, the
/// problem answer); the forwarding and the token's validation stay cold there.
/// </para>
/// <para>
/// It asks another service (the disclosure service must answer), so its first pass is bounded by
/// <c>WarmUp:DependencyTimeout</c> and the gateway reports ready without it after that.
/// </para>
/// </summary>
public sealed class GatewayWarmUp(IServer server, IHttpClientFactory clients, IServiceProvider services) : IWarmUpStep
{
    public const string ClientName = "gateway-warm-up";

    private const string Requester = "WARM-UP-REQUESTER";

    public string Name => "token validation and forwarding";

    public bool AsksAnotherService => true;

    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        // Kestrel's address; a test host without one (TestServer) has nothing to send to.
        var self = OwnAddress();
        if (self is null) return;
        var issuer = services.GetService<LocalIssuer>();
        var token = issuer?.CreateToken(PlatformRoles.Practitioner, "warm-up", Requester, subjectId: null, lifetime: TimeSpan.FromMinutes(5));
        var client = clients.CreateClient(ClientName);

        // Expected: 404 and 400 from the disclosure service (401 from the gateway without a token).
        using var read = Request(HttpMethod.Get, new Uri(self, $"/api/disclosures/{Guid.Empty}"), token);
        await AnsweredAsync(client, read, cancellationToken);

        using var share = Request(HttpMethod.Post, new Uri(self, "/api/disclosures"), token);
        share.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        await AnsweredAsync(client, share, cancellationToken);
    }

    private Uri? OwnAddress()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase));
        if (address is null) return null;
        // A wildcard binding (http://+:80, http://[::]:80) is reached on loopback.
        var uri = new Uri(address.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        return uri.Host is "0.0.0.0" or "[::]" ? new UriBuilder(uri) { Host = "localhost" }.Uri : uri;
    }

    private static HttpRequestMessage Request(HttpMethod method, Uri uri, string? token)
    {
        var request = new HttpRequestMessage(method, uri);
        if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>
    /// A 5xx (the gateway's 502 while the disclosure service is still starting, its 503 at capacity)
    /// fails the pass, which is tried again; any other answer went the whole way.
    /// </summary>
    private static async Task AnsweredAsync(HttpClient client, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var response = await client.SendAsync(request, cancellationToken);
        await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            throw new HttpRequestException($"{request.Method} {request.RequestUri?.AbsolutePath} answered {(int)response.StatusCode}");
        }
    }
}

public static class GatewayWarmUpRegistration
{
    /// <summary>The shared warm-up runner (Hosting's <c>WarmUp</c> options) with the gateway's one step; <see cref="ReadinessProbe"/> reports it.</summary>
    public static WebApplicationBuilder AddGatewayWarmUp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformWarmUp();
        builder.Services.AddWarmUpStep<GatewayWarmUp>();
        builder.Services.AddHttpClient(GatewayWarmUp.ClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        return builder;
    }
}
