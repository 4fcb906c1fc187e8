namespace ConsentPlatform.Gateway.LocalIdentity;

/// <summary>
/// Local mode's stand-in for Microsoft Entra ID: an OpenID Connect-shaped discovery document,
/// the JWKS with the public key, and <c>POST /auth/dev-token</c> so that people and tests can act
/// as each user. Mapped only when <c>Auth:Mode</c> is <c>Local</c>.
/// </summary>
public static class LocalIdentityEndpoints
{
    public const string DiscoveryPath = "/.well-known/openid-configuration";
    public const string JwksPath = "/.well-known/jwks.json";
    public const string DevTokenPath = "/auth/dev-token";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    public static IEndpointRouteBuilder MapLocalIdentity(this IEndpointRouteBuilder app)
    {
        var identity = app.MapGroup("").AllowAnonymous().WithTags("Local identity");
        identity.MapGet(DiscoveryPath, (LocalIssuer issuer) => TypedResults.Ok(DiscoveryDocument.For(issuer.Issuer)));
        identity.MapGet(JwksPath, (LocalIssuer issuer) => TypedResults.Ok(issuer.Jwks()));
        identity.MapPost(DevTokenPath, IssueDevToken);
        return app;
    }

    private static Results<Ok<DevTokenResponse>, ValidationProblem> IssueDevToken(DevTokenRequest request, LocalIssuer issuer)
    {
        var errors = DevTokenRules.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var token = issuer.CreateToken(request.Role!, request.Name, request.Org, request.SubjectId, TokenLifetime, tenantId: request.TenantId);
        return TypedResults.Ok(new DevTokenResponse(token, (int)TokenLifetime.TotalSeconds));
    }
}

/// <summary>The subset of OpenID Connect discovery metadata that a token validator reads.</summary>
public sealed record DiscoveryDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("dev_token_endpoint")] string DevTokenEndpoint,
    [property: JsonPropertyName("response_types_supported")] string[] ResponseTypesSupported,
    [property: JsonPropertyName("subject_types_supported")] string[] SubjectTypesSupported,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] string[] IdTokenSigningAlgValuesSupported,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] string[] TokenEndpointAuthMethodsSupported,
    [property: JsonPropertyName("claims_supported")] string[] ClaimsSupported)
{
    public static DiscoveryDocument For(string issuer) => new(
        issuer,
        issuer + LocalIdentityEndpoints.JwksPath,
        issuer + LocalIdentityEndpoints.DevTokenPath,
        ["token"],
        ["public"],
        [SecurityAlgorithms.RsaSha256],
        ["none"],
        ["iss", "aud", "sub", "iat", "nbf", "exp", TenantTokenMapper.TenantClaim, PlatformClaims.Roles, PlatformClaims.Org, PlatformClaims.SubjectId, PlatformClaims.Name]);
}
