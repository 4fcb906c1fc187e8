namespace ConsentPlatform.Consent.Receipts;

/// <summary>
/// The consent service's receipt-signing key: EC P-256, ES256, kept in the JSON file
/// <c>Consent:ReceiptKeyFile</c> and created there at first start, the way the local issuer keeps
/// its key (written to a temporary file, mode 0600, then moved into place so that several processes
/// starting at once all end up with the first one's key). Its <see cref="KeyId"/> is the RFC 7638
/// thumbprint of the public key, so anyone holding the JWKS can tell which key signed a receipt
/// without trusting a name we chose.
/// </summary>
public sealed class ReceiptKey
{
    public const string KeyFileSetting = "Consent:ReceiptKeyFile";
    public const string Algorithm = SecurityAlgorithms.EcdsaSha256;

    private readonly SigningCredentials credentials;
    private readonly string x;
    private readonly string y;

    private ReceiptKey(ECDsa ecdsa)
    {
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        x = Base64UrlEncoder.Encode(parameters.Q.X);
        y = Base64UrlEncoder.Encode(parameters.Q.Y);
        KeyId = Thumbprint(x, y);
        credentials = new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = KeyId }, Algorithm);
    }

    public string KeyId { get; }

    /// <summary>Where the key file is: <c>Consent:ReceiptKeyFile</c>, else beside the local issuer's key in the git-ignored state folder.</summary>
    public static string KeyFileOf(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var configured = configuration[KeyFileSetting];
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        var stateFolder = Path.GetDirectoryName(configuration["Auth:Local:KeyFile"] ?? ".state/keys/x") ?? ".";
        return Path.Combine(stateFolder, "consent-receipt-key.json");
    }

    /// <summary>Loads the key file, creating it atomically if no process has yet.</summary>
    public static ReceiptKey LoadOrCreate(string keyFile)
    {
        var stored = KeyFiles.LoadOrCreate(keyFile, NewStoredKey, "receipt key");
        var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(stored.PrivateKeyPem);
        if (ecdsa.KeySize != 256) throw new InvalidOperationException($"The receipt key in {keyFile} is not a P-256 key.");
        return new ReceiptKey(ecdsa);
    }

    /// <summary>A fresh key held only in memory (tests).</summary>
    public static ReceiptKey Ephemeral() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>The compact JWS (ES256, header <c>kid</c>) of <paramref name="payloadJson"/>, exactly as given: no claims added.</summary>
    public string Sign(string payloadJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(payloadJson);
        return new JsonWebTokenHandler().CreateToken(payloadJson, credentials);
    }

    /// <summary>The JWKS document: the public key only.</summary>
    public ReceiptKeySet Jwks() => new([new ReceiptPublicKey("EC", "P-256", x, y, KeyId, "sig", "ES256")]);

    /// <summary>
    /// RFC 7638: the SHA-256 of the JWK's required members (for EC: crv, kty, x, y), in
    /// lexicographic order, without whitespace, base64url-encoded.
    /// </summary>
    public static string Thumbprint(string x, string y)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(x);
        ArgumentException.ThrowIfNullOrWhiteSpace(y);
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{x}\",\"y\":\"{y}\"}}";
        return Base64UrlEncoder.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static StoredKey NewStoredKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new StoredKey(ecdsa.ExportPkcs8PrivateKeyPem());
    }

    private sealed record StoredKey(string PrivateKeyPem);
}

/// <summary>A JWKS document (RFC 7517 §5).</summary>
public sealed record ReceiptKeySet(IReadOnlyList<ReceiptPublicKey> Keys);

/// <summary>One public EC key of a JWKS: no private member, ever.</summary>
public sealed record ReceiptPublicKey(string Kty, string Crv, string X, string Y, string Kid, string Use, string Alg);
