namespace ConsentPlatform.Gateway.Tests;

/// <summary>Outside local mode (Microsoft Entra ID, here with placeholder settings) nothing mints or publishes local tokens.</summary>
public sealed class EntraModeTests : IAsyncLifetime
{
    private GatewayHost host = null!;

    public async ValueTask InitializeAsync() => host = await GatewayHost.StartAsync(new GatewaySetup { LocalMode = false });

    public async ValueTask DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Dev_token_endpoint_does_not_exist()
    {
        using var content = new StringContent("""{"role":"Auditor"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await host.Client.PostAsync("/auth/dev-token", content, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(problem.TryGetProperty("accessToken", out _), "no token may be minted outside local mode");
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Local_issuer_documents_do_not_exist(string path)
    {
        using var response = await host.GetAsync(path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(problem.TryGetProperty("keys", out _) || problem.TryGetProperty("jwks_uri", out _), "no local key may be published outside local mode");
    }

    [Fact]
    public async Task Api_without_token_is_still_401_problem()
    {
        using var response = await host.GetAsync("/api/consents");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}
