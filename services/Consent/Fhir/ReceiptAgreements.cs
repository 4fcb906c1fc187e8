namespace ConsentPlatform.Consent.Fhir;

/// <summary>
/// The agreements a consent version was given under: those named by the receipt of the young
/// person's latest change up to that version (a receipt names the agreements covering the purpose
/// at the moment of the change: services/Consent/README.md, Receipts). A version before any
/// receipt (a proposal; the moment before the receipt is issued) names none.
/// </summary>
public static class ReceiptAgreements
{
    public static IReadOnlyList<ReceiptPolicy> At(IReadOnlyList<ConsentReceipt> receipts, long version)
    {
        ArgumentNullException.ThrowIfNull(receipts);
        var latest = receipts.Where(r => r.Version <= version).MaxBy(r => r.Version);
        return latest is null ? [] : PoliciesOf(latest.Jws);
    }

    /// <summary>The <c>policies</c> of a receipt's payload (this service signed it; it is read back, not verified).</summary>
    public static IReadOnlyList<ReceiptPolicy> PoliciesOf(string jws)
    {
        ArgumentNullException.ThrowIfNull(jws);
        var parts = jws.Split('.');
        if (parts.Length != 3) return [];
        using var payload = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[1]));
        if (!payload.RootElement.TryGetProperty("policies", out var policies) || policies.ValueKind != JsonValueKind.Array) return [];
        return
        [
            .. policies.EnumerateArray().Select(p => new ReceiptPolicy(
                p.GetProperty("dsaId").GetGuid(),
                p.GetProperty("version").GetInt64(),
                p.GetProperty("title").GetString() ?? string.Empty,
                p.GetProperty("policyUrl").GetString() ?? string.Empty)),
        ];
    }
}
