namespace ConsentPlatform.Gateway.Tests;

/// <summary>Outside local mode (Microsoft Entra ID, here with placeholder settings) nothing mints or publishes local tokens.</summary>
public sealed class EntraModeTests() : OwnGateway(new GatewaySetup { LocalMode = false })
{
    [Fact]
    public async Task Dev_token_endpoint_does_not_exist()
    {
        using var content = new StringContent("""{"role":"Auditor"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await Host.Client.PostAsync("/auth/dev-token", content, TestContext.Current.CancellationToken);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(problem.TryGetProperty("accessToken", out _), "no token may be minted outside local mode");
    }

    [Theory]
    [InlineData("/.well-known/openid-configuration")]
    [InlineData("/.well-known/jwks.json")]
    public async Task Local_issuer_documents_do_not_exist(string path)
    {
        using var response = await Host.GetAsync(path);

        var problem = await response.AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.False(problem.TryGetProperty("keys", out _) || problem.TryGetProperty("jwks_uri", out _), "no local key may be published outside local mode");
    }

    [Fact]
    public async Task Api_without_token_is_still_401_problem()
    {
        using var response = await Host.GetAsync("/api/consents");

        var problem = await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Unauthorized", problem.GetProperty("title").GetString());
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
    }
}
