namespace ConsentPlatform.Gateway.Tests;

/// <summary>
/// Only the hosts in <c>AllowedHosts</c> are served (unset: localhost, 127.0.0.1, [::1] on any
/// port), because the portal behind the gateway builds its redirects from the host a request
/// names: any other host is 400 problem+json before anything is routed or forwarded.
/// </summary>
public sealed class HostTests
{
    [Theory]
    [InlineData("/api/consents")]
    [InlineData("/auth/dev-token")]
    [InlineData("/sign-in")]
    [InlineData("/")]
    public async Task A_host_outside_the_list_is_400_problem_and_reaches_nothing(string path)
    {
        await using var portal = await FakeService.StartAsync("portal");
        await using var host = await GatewayHost.StartWithPortalAsync(portal);
        var token = await host.DevTokenForAsync(PlatformRoles.Auditor);

        using var response = await SendAsync(host, path, "evil.example", token);

        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("evil.example", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(portal.Received);
        Assert.All(host.Services.Values, s => Assert.Empty(s.Received));
    }

    /// <summary>What the portal sees through YARP: its own address as Host, the browser's host as X-Forwarded-Host.</summary>
    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task A_local_host_on_any_port_reaches_the_portal_which_is_told_that_host(string name)
    {
        await using var portal = await FakeService.StartAsync("portal");
        await using var host = await GatewayHost.StartWithPortalAsync(portal);
        var named = $"{name}:{host.Client.BaseAddress!.Port}";

        using var response = await SendAsync(host, "/sign-in", named, token: null);

        var echoed = await response.EchoedAsync();
        Assert.Equal(portal.Address.Authority, echoed.Host);
        Assert.Equal(named, echoed.ForwardedHost);
    }

    [Fact]
    public async Task Production_lists_its_own_host_and_then_localhost_is_refused()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup
        {
            Settings = new Dictionary<string, string?> { ["AllowedHosts"] = "consent.example.gov.uk;*.consent.example.gov.uk" },
        });

        using var own = await SendAsync(host, "/health/live", "consent.example.gov.uk", token: null);
        using var sub = await SendAsync(host, "/health/live", "portal.consent.example.gov.uk:443", token: null);
        using var local = await SendAsync(host, "/health/live", "localhost", token: null);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.OK, sub.StatusCode);
        await local.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_star_serves_any_host()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup
        {
            Settings = new Dictionary<string, string?> { ["AllowedHosts"] = "*" },
        });

        using var response = await SendAsync(host, "/health/live", "anything.example", token: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(GatewayHost host, string path, string hostHeader, string? token)
    {
        using var request = new HttpRequestMessage(path == "/auth/dev-token" ? HttpMethod.Post : HttpMethod.Get, path);
        request.Headers.Host = hostHeader;
        if (token is not null) request.Headers.Authorization = new("Bearer", token);
        if (request.Method == HttpMethod.Post) request.Content = JsonContent.Create(new { role = PlatformRoles.Auditor });
        return await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
