namespace ConsentPlatform.Gateway.Tests;

public sealed class AuthenticationTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    [Fact]
    public async Task Request_without_token_is_401_problem_and_never_reaches_the_service()
    {
        var probe = $"/api/consents?probe={Guid.NewGuid():N}";

        using var response = await Host.GetAsync(probe);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(probe, Host.Services["consent"].Received);
    }

    [Fact]
    public async Task Expired_token_is_401()
    {
        var token = Host.Issuer.CreateToken(PlatformRoles.Auditor, "Alex", null, null, TimeSpan.FromMinutes(5), DateTimeOffset.UtcNow.AddHours(-2));

        using var response = await Host.GetAsync("/api/audit/entries", token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_signed_by_another_key_is_401()
    {
        var stranger = LocalIssuer.Ephemeral(GatewayHost.IssuerName);
        var token = stranger.CreateToken(PlatformRoles.Auditor, "Mallory", null, null);

        using var response = await Host.GetAsync("/api/audit/entries", token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_from_another_issuer_with_the_right_key_is_401()
    {
        var token = LocalIssuer.LoadOrCreate("http://elsewhere.test", Host.KeyFile).CreateToken(PlatformRoles.Auditor, "Alex", null, null);

        using var response = await Host.GetAsync("/api/audit/entries", token);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Unsigned_alg_none_token_is_401()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = Encode(new { alg = "none", typ = "JWT" });
        var payload = Encode(new
        {
            iss = GatewayHost.IssuerName,
            aud = LocalIssuer.Audience,
            sub = "Auditor:none:Mallory",
            roles = PlatformRoles.Auditor,
            iat = now,
            nbf = now,
            exp = now + 3600,
        });

        using var response = await Host.GetAsync("/api/audit/entries", $"{header}.{payload}.");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_whose_payload_was_altered_after_signing_is_401()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.YoungCarer);
        var parts = token.Split('.');
        var claims = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Base64UrlEncoder.Decode(parts[1]))!;
        var forged = claims.ToDictionary(c => c.Key, c => (object)c.Value);
        forged["roles"] = PlatformRoles.Auditor;

        using var response = await Host.GetAsync("/api/audit/entries", $"{parts[0]}.{Encode(forged)}.{parts[2]}");

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static string Encode(object value) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(value)));
}
