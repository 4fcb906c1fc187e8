namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// "My receipts": every signed receipt of every consent of the young carer, newest first, in plain
/// words, each with its signed file to download (<c>?handler=Download</c>). The words are read from
/// the receipt's own signed payload, so the page shows what the file says; anyone can check the
/// file's signature against the platform's published keys (<c>/api/consents/receipt-keys</c>).
/// </summary>
public sealed class ReceiptsModel : PortalPage
{
    public IReadOnlyList<ReceiptLine> Receipts { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (await ReadAsync<List<ConsentResponse>>("/api/consents") is not { } consents) return;
        var lists = await Task.WhenAll(consents.Select(async c => (Consent: c, Receipts: await Api.GetAsync<List<ConsentReceiptView>>($"/api/consents/{c.Id}/receipts"))));
        if (lists.FirstOrDefault(l => !l.Receipts.Ok) is { Receipts.Problem: { } problem }) ShowProblem(problem);
        Receipts = [.. lists
            .Where(l => l.Receipts.Ok)
            .SelectMany(l => l.Receipts.Value!.Select(r => ReceiptLine.Of(l.Consent, r)))
            .OrderByDescending(r => r.IssuedAt)];
    }

    /// <summary>The signed file itself, as the consent service issued it: a compact JWS.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(Guid consentId, long version)
    {
        var receipts = await Api.GetAsync<List<ConsentReceiptView>>($"/api/consents/{consentId}/receipts");
        if (!receipts.Ok || receipts.Value!.FirstOrDefault(r => r.Version == version) is not { } receipt) return NotFound();
        return File(Encoding.ASCII.GetBytes(receipt.Jws), "application/jose", ReceiptLine.FileNameOf(consentId, version));
    }
}

/// <summary>One receipt as the page shows it, read from its signed payload (Kantara Consent Receipt v1.1 member names).</summary>
public sealed record ReceiptLine(
    Guid ConsentId,
    long Version,
    DateTimeOffset IssuedAt,
    string What,
    string? How,
    string? Why,
    IReadOnlyList<string> Organisations,
    IReadOnlyList<string> Categories,
    string? ReceiptId)
{
    public static ReceiptLine Of(ConsentResponse consent, ConsentReceiptView receipt)
    {
        ArgumentNullException.ThrowIfNull(consent);
        ArgumentNullException.ThrowIfNull(receipt);
        var payload = Payload(receipt.Jws);
        var status = Text(payload, "consentStatus");
        var purpose = payload is { } p && p.TryGetProperty("services", out var services) && services.ValueKind == JsonValueKind.Array
            ? services.EnumerateArray().SelectMany(s => s.TryGetProperty("purposes", out var ps) && ps.ValueKind == JsonValueKind.Array ? ps.EnumerateArray() : []).FirstOrDefault()
            : default;
        return new ReceiptLine(
            consent.Id,
            receipt.Version,
            receipt.IssuedAt,
            status switch
            {
                "active" => "Sharing is on",
                "paused" => "Sharing was paused",
                "withdrawn" => "Sharing was stopped for good",
                _ => "A change to your sharing",
            },
            Text(payload, "collectionMethod"),
            purpose.ValueKind == JsonValueKind.Object ? Text(purpose, "description") : null,
            Names(payload, "piiControllers", "piiController"),
            purpose.ValueKind == JsonValueKind.Object ? Names(purpose, "piiCategory", "description") : [],
            Text(payload, "consentReceiptID"));
    }

    /// <summary>The JWS's payload (its middle part, base64url), or null if it cannot be read: the page then shows only the date and the file.</summary>
    private static JsonElement? Payload(string jws)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3) return null;
        try
        {
            var base64 = parts[1].Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            using var document = JsonDocument.Parse(Convert.FromBase64String(base64));
            return document.RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static List<string> Names(JsonElement? e, string list, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(list, out var items) && items.ValueKind == JsonValueKind.Array
            ? [.. items.EnumerateArray().Select(i => Text(i, name)).OfType<string>().Distinct(StringComparer.Ordinal)]
            : [];

    public string FileName => FileNameOf(ConsentId, Version);

    /// <summary>The one name a receipt's signed file is given, on the page's link and in the download alike.</summary>
    public static string FileNameOf(Guid consentId, long version) => string.Create(CultureInfo.InvariantCulture, $"consent-receipt-{consentId}-v{version}.jws");
}
