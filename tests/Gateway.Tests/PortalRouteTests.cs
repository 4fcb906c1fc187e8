namespace ConsentPlatform.Gateway.Tests;

/// <summary>The web portal behind the gateway: every non-API path, anonymous, lowest priority.</summary>
public sealed class PortalRouteTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/sign-in?ReturnUrl=%2Fyoung-carer")]
    [InlineData("/young-carer/withdraw/0b5a3f8e-0000-0000-0000-000000000001")]
    [InlineData("/portal.css")]
    [InlineData("/admin")]
    public async Task Non_API_path_reaches_the_portal_unchanged_without_a_token(string path)
    {
        await using var portal = await FakeService.StartAsync("portal");
        await using var host = await GatewayHost.StartWithPortalAsync(portal);

        using var response = await host.GetAsync(path);

        var echoed = await response.EchoedAsync();
        Assert.Equal("portal", echoed.Service);
        Assert.Equal(path, echoed.Path + echoed.Query);
    }

    [Fact]
    public async Task API_routes_keep_precedence_over_the_portal_and_unknown_API_paths_never_reach_it()
    {
        await using var portal = await FakeService.StartAsync("portal");
        await using var host = await GatewayHost.StartWithPortalAsync(portal);
        var token = await host.DevTokenForAsync(PlatformRoles.Auditor);

        using var api = await host.GetAsync("/api/consents/c-1", token);
        using var unknownApi = await host.GetAsync("/api/unknown", token);
        using var anonymousApi = await host.GetAsync("/api/consents");

        var echoed = await api.Content.ReadFromJsonAsync<EchoedRequest>(TestContext.Current.CancellationToken);
        Assert.Equal("consent", echoed!.Service);
        await unknownApi.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousApi.StatusCode);
        Assert.Empty(portal.Received);
    }
}
