namespace ConsentPlatform.Consent.Receipts;

/// <summary>
/// <c>GET /api/consents/receipt-keys</c>: the JWKS document of the keys receipts are signed with,
/// public parts only, for anyone: a receipt is worth something only if whoever the young person
/// shows it to can check it without an account here.
/// </summary>
public static class GetReceiptKeysEndpoint
{
    public const string Path = "/receipt-keys";

    public static RouteGroupBuilder MapGetReceiptKeys(this RouteGroupBuilder group)
    {
        group.MapGet(Path, Handle)
            .AllowAnonymous()
            .WithName("GetReceiptKeys")
            .WithSummary("The public keys consent receipts are signed with (JWKS)")
            .WithDescription("A JWKS document (RFC 7517): EC P-256 keys for ES256, each kid the key's RFC 7638 thumbprint. Anonymous: no token needed.");
        return group;
    }

    public static Ok<ReceiptKeySet> Handle(ReceiptKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return TypedResults.Ok(key.Jwks());
    }
}
