namespace ConsentPlatform.Consent.Receipts;

/// <summary>A receipt as <c>GET /api/consents/{id}/receipts</c> lists it: the consent's version it records, when, and the compact JWS.</summary>
public sealed record ConsentReceiptView(long Version, DateTimeOffset IssuedAt, string Jws);
