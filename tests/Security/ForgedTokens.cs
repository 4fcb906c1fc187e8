namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Tokens an attacker (or a careless client) might present, made with the platform's own key
/// where that is the point (expired, wrong audience, no role) and without it where it is not.
/// </summary>
internal sealed class ForgedTokens
{
    private readonly SigningCredentials credentials;
    private readonly string issuer;

    public ForgedTokens(string keyFile, string issuer)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(keyFile));
        var rsa = RSA.Create();
        rsa.ImportFromPem(document.RootElement.GetProperty("PrivateKeyPem").GetString());
        credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = document.RootElement.GetProperty("KeyId").GetString() }, SecurityAlgorithms.RsaSha256);
        this.issuer = issuer;
    }

    public string Valid(string role = PlatformRoles.Auditor) => Sign(Claims(role));

    public string Expired() => Sign(Claims(PlatformRoles.Auditor), notBefore: DateTime.UtcNow.AddHours(-2), expires: DateTime.UtcNow.AddHours(-1));

    public string NotYetValid() => Sign(Claims(PlatformRoles.Auditor), notBefore: DateTime.UtcNow.AddHours(1), expires: DateTime.UtcNow.AddHours(2));

    public string WrongIssuer() => Sign(Claims(PlatformRoles.Auditor), issuerOverride: "https://login.example.invalid/");

    public string WrongAudience() => Sign(Claims(PlatformRoles.Auditor), audience: "api://someone-else");

    public string WithoutRole() => Sign(new Dictionary<string, object> { ["sub"] = "no-role", [PlatformClaims.Org] = "LA-1" });

    public string OtherKey() => LocalIssuer.Ephemeral(issuer).CreateToken(PlatformRoles.Auditor, "mallory", null, null);

    /// <summary>A valid token's claims with the signature dropped and the header saying <c>alg: none</c>.</summary>
    public string AlgNone()
    {
        var parts = Valid().Split('.');
        var header = Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes("""{"alg":"none","typ":"JWT"}"""));
        return $"{header}.{parts[1]}.";
    }

    private static Dictionary<string, object> Claims(string role) => new()
    {
        ["sub"] = $"forged-{role}",
        [PlatformClaims.Roles] = role,
        [PlatformClaims.Org] = "LA-1",
    };

    private string Sign(Dictionary<string, object> claims, DateTime? notBefore = null, DateTime? expires = null, string? issuerOverride = null, string? audience = null)
    {
        var nbf = notBefore ?? DateTime.UtcNow.AddMinutes(-1);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuerOverride ?? issuer,
            Audience = audience ?? LocalIssuer.Audience,
            IssuedAt = nbf,
            NotBefore = nbf,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(30),
            Claims = claims,
            SigningCredentials = credentials,
        });
    }
}
