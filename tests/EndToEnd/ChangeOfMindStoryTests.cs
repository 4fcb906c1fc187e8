namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20 §2 through the gateway, on the processes <c>infra/up</c> runs: a young person's change of
/// mind reaches every share made under their consent (blocked, destroyed, or a deletion the
/// recipient answers), the ledger holds each step, and the young person sees each with its date.
/// </summary>
public sealed class ChangeOfMindStoryTests(PlatformProcesses platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Withdrawing_blocks_an_approved_share_destroys_an_unread_package_and_asks_the_reader_to_delete_and_the_young_person_sees_each()
    {
        using var cast = await new Scenario(platform).CastAsync();
        var (subject, _, consentId, youngCarer, school, council) = cast;
        using var auditor = await platform.ClientAsAsync("Auditor", name: "auditor");

        // Three shares under the same consent: approved only; released, never read; released and read.
        var approvedOnly = await ApprovedAsync(school, subject);
        var unread = await ApprovedAsync(school, subject);
        var read = await ApprovedAsync(school, subject);
        foreach (var id in new[] { unread, read })
        {
            await (await council.PostJsonAsync($"/api/disclosures/{id}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Cares for mum" } })).ExpectJsonAsync(HttpStatusCode.OK);
        }

        await (await school.GetAsync(new Uri($"/api/disclosures/{read}/package", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);

        await (await youngCarer.PostJsonAsync($"/api/consents/{consentId}/withdraw", new { reason = "I changed my mind" })).ExpectJsonAsync(HttpStatusCode.OK);

        var blocked = await WaitForAsync(auditor, approvedOnly, d => d.GetProperty("status").GetString() == "blocked");
        Assert.Equal("withdrawn", blocked.GetProperty("blocked").GetProperty("consentStatus").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await council.PostJsonAsync($"/api/disclosures/{approvedOnly}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Cares for mum" } })).StatusCode);
        await WaitForAsync(auditor, unread, d => d.GetProperty("status").GetString() == "destroyed");
        Assert.Equal(HttpStatusCode.Gone, (await school.GetAsync(new Uri($"/api/disclosures/{unread}/package", UriKind.Relative), Cancel)).StatusCode);
        await WaitForAsync(auditor, read, d => d.TryGetProperty("deletion", out var asked) && asked.ValueKind == JsonValueKind.Object);

        // The recipient answers; the young person's view shows every step with its date.
        await (await school.PostJsonAsync($"/api/disclosures/{read}/deletion", new { outcome = "deleted" })).ExpectJsonAsync(HttpStatusCode.OK);
        var mine = await WaitForMineAsync(youngCarer, read, d => d.TryGetProperty("deletion", out var x) && x.ValueKind == JsonValueKind.Object && x.TryGetProperty("outcome", out var outcome) && outcome.ValueKind == JsonValueKind.String);
        Assert.Equal("blocked", mine[approvedOnly].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, mine[approvedOnly].GetProperty("blockedAt").ValueKind);
        Assert.Equal("destroyed", mine[unread].GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, mine[unread].GetProperty("destroyedAt").ValueKind);
        var deletion = mine[read].GetProperty("deletion");
        Assert.Equal("deleted", deletion.GetProperty("outcome").GetString());
        Assert.True(deletion.GetProperty("answeredAt").GetDateTimeOffset() >= deletion.GetProperty("askedAt").GetDateTimeOffset());

        // The ledger holds each step once.
        using var ledger = await auditor.GetAsync(new Uri($"/api/audit/entries?subjectId={subject}", UriKind.Relative), Cancel);
        var types = (await ledger.ExpectJsonAsync(HttpStatusCode.OK)).GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
        Assert.Equal(1, types.Count(t => t == "DisclosureBlocked"));
        Assert.Equal(1, types.Count(t => t == "PackageDestroyed"));
        Assert.Equal(1, types.Count(t => t == "DeletionRequested"));
        Assert.Equal(1, types.Count(t => t == "DeletionAnswered"));
    }

    private static async Task<string> ApprovedAsync(HttpClient school, string subject)
    {
        var body = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.True(body.GetProperty("status").GetString() == "approved", body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient auditor, string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            last = await (await auditor.GetAsync(new Uri($"/api/disclosures/{id}", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
            if (done(last)) return last;
            await Task.Delay(200, Cancel);
        }

        Assert.Fail($"disclosure {id} did not change within 30 s: {last}");
        return last;
    }

    /// <summary>The young person's view, by disclosure id, once the ledger shows what <paramref name="done"/> waits for.</summary>
    private static async Task<Dictionary<string, JsonElement>> WaitForMineAsync(HttpClient youngCarer, string id, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var text = "";
        while (DateTime.UtcNow < deadline)
        {
            using var response = await youngCarer.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), Cancel);
            var mine = await response.ExpectJsonAsync(HttpStatusCode.OK);
            text = mine.ToString();
            var byId = mine.EnumerateArray().ToDictionary(d => d.GetProperty("disclosureId").GetString()!);
            if (byId.TryGetValue(id, out var shown) && done(shown)) return byId;
            await Task.Delay(250, Cancel);
        }

        Assert.Fail($"the young person's view did not show it within 60 s: {text}");
        return [];
    }
}
