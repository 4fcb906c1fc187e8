namespace ConsentPlatform.Gateway.Tests;

public sealed class LocalIssuerDocumentTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    [Fact]
    public async Task Discovery_document_names_the_issuer_the_jwks_and_RS256()
    {
        using var response = await Host.GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.Equal(GatewayHost.IssuerName, document.GetProperty("issuer").GetString());
        Assert.Equal($"{GatewayHost.IssuerName}/.well-known/jwks.json", document.GetProperty("jwks_uri").GetString());
        Assert.Contains("RS256", document.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("public", document.GetProperty("subject_types_supported").EnumerateArray().Select(a => a.GetString()));
        Assert.Contains("roles", document.GetProperty("claims_supported").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task Jwks_key_validates_a_minted_token_and_holds_no_private_part()
    {
        using var response = await Host.GetAsync("/.well-known/jwks.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var jwks = new JsonWebKeySet(json);
        var key = Assert.Single(jwks.Keys);
        Assert.Equal("RSA", key.Kty);
        Assert.Equal("sig", key.Use);
        Assert.False(key.HasPrivateKey);
        Assert.Null(key.D);

        var token = await Host.DevTokenForAsync(PlatformRoles.Auditor);
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = GatewayHost.IssuerName,
            ValidAudience = LocalIssuer.Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        });

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal(key.Kid, ((JsonWebToken)result.SecurityToken).Kid);
    }

    [Fact]
    public async Task Jwks_key_does_not_validate_a_token_from_another_key()
    {
        using var response = await Host.GetAsync("/.well-known/jwks.json");
        var jwks = new JsonWebKeySet(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var token = LocalIssuer.Ephemeral(GatewayHost.IssuerName).CreateToken(PlatformRoles.Auditor, null, null, null);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = GatewayHost.IssuerName,
            ValidAudience = LocalIssuer.Audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
        });

        Assert.False(result.IsValid);
    }
}
