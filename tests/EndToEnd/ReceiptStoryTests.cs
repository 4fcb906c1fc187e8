namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 16's acceptance for receipts, through the gateway, on the real processes: each change of
/// the consent adds a receipt; each verifies, with jose-jwt, against the JWKS anyone fetches without
/// a token; its payload names the consent, its version, the organisations and the categories.
/// </summary>
public sealed class ReceiptStoryTests(PlatformProcesses platform)
{
    [Fact]
    public async Task Each_change_of_a_consent_adds_a_receipt_that_anyone_can_verify_against_the_published_keys()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cast = await new Scenario(platform).CastAsync();
        var (_, dsaId, consentId, youngCarer, _, _) = cast;
        await (await youngCarer.PostJsonAsync($"/api/consents/{consentId}/pause", new { reason = "not now" })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await youngCarer.PostJsonAsync($"/api/consents/{consentId}/resume", new { })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await youngCarer.PostJsonAsync($"/api/consents/{consentId}/withdraw", new { })).ExpectJsonAsync(HttpStatusCode.OK);

        var receipts = await ReceiptsAsync(youngCarer, consentId, count: 4);
        using var anyone = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        var keys = JwkSet.FromJson(await anyone.GetStringAsync(new Uri("/api/consents/receipt-keys", UriKind.Relative), ct), JWT.DefaultSettings.JsonMapper);

        Assert.Equal([1L, 2L, 3L, 4L], receipts.Select(r => r.GetProperty("version").GetInt64()));
        foreach (var receipt in receipts)
        {
            var jws = receipt.GetProperty("jws").GetString()!;
            var key = Assert.Single(keys, k => k.KeyId == (string)JWT.Headers(jws)["kid"]);
            using var payload = JsonDocument.Parse(JWT.Decode(jws, key, JwsAlgorithm.ES256));
            var root = payload.RootElement;
            Assert.Equal(consentId, root.GetProperty("consentId").GetString());
            Assert.Equal(receipt.GetProperty("version").GetInt64(), root.GetProperty("consentVersion").GetInt64());
            var controllers = root.GetProperty("piiControllers").EnumerateArray().Select(c => (c.GetProperty("piiController").GetString(), c.GetProperty("role").GetString())).ToList();
            Assert.Contains(("County Council", "holder"), controllers);
            Assert.Contains(("Riverside School", "recipient"), controllers);
            Assert.Contains(dsaId, root.GetProperty("policies").EnumerateArray().Select(p => p.GetProperty("dsaId").GetString()));
            var categories = root.GetProperty("services")[0].GetProperty("purposes")[0].GetProperty("piiCategory").EnumerateArray().ToList();
            Assert.Equal(["identity.basic", "caring.role", "education.attendance"], categories.Select(c => c.GetProperty("code").GetString()));
            Assert.Equal("your name and date of birth", categories[0].GetProperty("description").GetString());
        }

        // The key is the one the process suite configured (Consent__ReceiptKeyFile), private to its owner.
        Assert.True(File.Exists(platform.ReceiptKeyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(platform.ReceiptKeyFile));
    }

    /// <summary>Receipts follow their change asynchronously: a bounded poll until there are <paramref name="count"/>.</summary>
    private static async Task<List<JsonElement>> ReceiptsAsync(HttpClient client, string consentId, int count)
    {
        var clock = Stopwatch.StartNew();
        List<JsonElement> receipts;
        do
        {
            receipts = [.. (await (await client.GetAsync(new Uri($"/api/consents/{consentId}/receipts", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray()];
            if (receipts.Count >= count) return receipts;
            await Task.Delay(250);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(60));

        return receipts;
    }
}
