namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// The local-mode token issuer: an RSA key generated on first start and kept in the state
/// folder, shared by the gateway (which signs) and the services (which validate). It stands in
/// for Microsoft Entra ID on a developer machine and in tests; production never constructs it.
/// </summary>
public sealed class LocalIssuer
{
    public const string Audience = "api://consentplatform";
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(1);

    private readonly RsaSecurityKey key;
    private readonly SigningCredentials credentials;

    private LocalIssuer(string issuer, RSA rsa, string keyId)
    {
        Issuer = issuer;
        key = new RsaSecurityKey(rsa) { KeyId = keyId };
        credentials = new SigningCredentials(key, SecurityAlgorithms.RsaSha256);
        PublicKey = new RsaSecurityKey(rsa.ExportParameters(includePrivateParameters: false)) { KeyId = keyId };
    }

    public string Issuer { get; }

    /// <summary>The key services validate with; it holds no private part.</summary>
    public SecurityKey PublicKey { get; }

    /// <summary>Loads the key file, creating it atomically if no process has yet.</summary>
    public static LocalIssuer LoadOrCreate(string issuer, string keyFile)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(issuer);
        var stored = KeyFiles.LoadOrCreate(keyFile, NewStoredKey, "local issuer key");
        var rsa = RSA.Create();
        rsa.ImportFromPem(stored.PrivateKeyPem);
        return new LocalIssuer(issuer.TrimEnd('/'), rsa, stored.KeyId);
    }

    /// <summary>Creates an issuer with a fresh key held only in memory (tests of foreign keys).</summary>
    public static LocalIssuer Ephemeral(string issuer)
    {
        var rsa = RSA.Create(2048);
        return new LocalIssuer(issuer.TrimEnd('/'), rsa, KeyIdOf(rsa));
    }

    public string CreateToken(string role, string? name, string? org, string? subjectId, TimeSpan? lifetime = null, DateTimeOffset? now = null, string? tenantId = null)
    {
        var issuedAt = (now ?? DateTimeOffset.UtcNow).UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            ["sub"] = $"{role}:{org ?? subjectId ?? "none"}:{name ?? "anonymous"}",
            [PlatformClaims.Roles] = role,
        };
        if (name is not null) claims[PlatformClaims.Name] = name;
        if (org is not null) claims[PlatformClaims.Org] = org;
        if (subjectId is not null) claims[PlatformClaims.SubjectId] = subjectId;
        // An identity tenant, as Entra ID names it: the token is then mapped by Auth:Tenants like a production one.
        if (tenantId is not null) claims[TenantTokenMapper.TenantClaim] = tenantId;

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = issuedAt,
            NotBefore = issuedAt,
            Expires = issuedAt + (lifetime ?? DefaultLifetime),
            Claims = claims,
            SigningCredentials = credentials,
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    /// <summary>The JWKS document: the public key only.</summary>
    public object Jwks()
    {
        var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey((RsaSecurityKey)PublicKey);
        return new { keys = new[] { new { kty = jwk.Kty, use = "sig", alg = SecurityAlgorithms.RsaSha256, kid = jwk.Kid, n = jwk.N, e = jwk.E } } };
    }

    public TokenValidationParameters ValidationParameters() => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKey = PublicKey,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        RoleClaimType = PlatformClaims.Roles,
        NameClaimType = PlatformClaims.Name,
    };

    private static StoredKey NewStoredKey()
    {
        using var rsa = RSA.Create(2048);
        return new StoredKey(KeyIdOf(rsa), rsa.ExportPkcs8PrivateKeyPem());
    }

    private static string KeyIdOf(RSA rsa) =>
        Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportSubjectPublicKeyInfo()))[..16];

    private sealed record StoredKey(string KeyId, string PrivateKeyPem);
}
