namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 16's acceptance for the explanation and the uses, through the gateway, on the real
/// processes: the registry explains over RabbitMQ, the consent service counts from the disclosure
/// service's published events.
/// </summary>
public sealed class ExplanationStoryTests(PlatformProcesses platform)
{
    [Fact]
    public async Task The_young_carer_reads_who_sees_what_for_how_long_and_why_and_after_two_shares_and_a_read_three_uses_the_last_by_the_reader()
    {
        var ct = TestContext.Current.CancellationToken;
        using var cast = await new Scenario(platform).CastAsync();
        var (subject, dsaId, consentId, youngCarer, school, council) = cast;

        // Both organisations by name, each kind of information in words, the DSA's retention, the lawful basis.
        var explanation = await ExplanationAsync(youngCarer, consentId);
        var organisations = explanation.GetProperty("organisations").EnumerateArray()
            .Select(o => (OrgId: o.GetProperty("orgId").GetString(), Name: o.GetProperty("name").GetString(), Role: o.GetProperty("role").GetString()))
            .ToList();
        Assert.Contains((Scenario.LocalAuthority, "County Council", "holder"), organisations);
        Assert.Contains((Scenario.School, "Riverside School", "recipient"), organisations);
        var categories = explanation.GetProperty("categories").EnumerateArray().ToList();
        Assert.Equal(["identity.basic", "caring.role", "education.attendance"], categories.Select(c => c.GetProperty("code").GetString()));
        Assert.All(categories, c => Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("description").GetString())));
        Assert.Equal("your name and date of birth", categories[0].GetProperty("description").GetString());
        Assert.Equal(90, explanation.GetProperty("keptForDays").GetInt32());
        Assert.Equal("consent", explanation.GetProperty("lawfulBasis").GetProperty("article6").GetString());
        Assert.False(string.IsNullOrWhiteSpace(explanation.GetProperty("lawfulBasis").GetProperty("description").GetString()));
        Assert.Contains(dsaId, explanation.GetProperty("agreements").EnumerateArray().Select(a => a.GetProperty("dsaId").GetString()));
        Assert.Equal(0, explanation.GetProperty("uses").GetProperty("count").GetInt32());

        // Two approved shares; the council releases the first; the school reads it.
        var first = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"])).ExpectJsonAsync(HttpStatusCode.Created);
        var second = await (await Scenario.RequestShareAsync(school, subject, ["identity.basic"])).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(["approved", "approved"], new[] { first, second }.Select(d => d.GetProperty("status").GetString()));
        var firstId = first.GetProperty("id").GetString();
        await (await council.PostJsonAsync($"/api/disclosures/{firstId}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Looks after dad" } })).ExpectJsonAsync(HttpStatusCode.OK);
        await (await school.GetAsync(new Uri($"/api/disclosures/{firstId}/package", UriKind.Relative), ct)).ExpectJsonAsync(HttpStatusCode.OK);
        var secondApprovedAt = second.GetProperty("decision").GetProperty("checkedAt").GetDateTimeOffset();

        // The uses arrive as events: wait until the read is the last use, then count.
        var uses = await UsesOnceTheReadArrivedAsync(youngCarer, consentId, after: secondApprovedAt);
        Assert.Equal(3, uses.GetProperty("count").GetInt32());
        Assert.Equal(Scenario.School, uses.GetProperty("lastUsedByOrgId").GetString());
        Assert.Equal("Riverside School", uses.GetProperty("lastUsedByName").GetString());
    }

    private static async Task<JsonElement> ExplanationAsync(HttpClient client, string consentId) =>
        await (await client.GetAsync(new Uri($"/api/consents/{consentId}/explanation", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);

    private static async Task<JsonElement> UsesOnceTheReadArrivedAsync(HttpClient client, string consentId, DateTimeOffset after)
    {
        var clock = Stopwatch.StartNew();
        JsonElement uses;
        do
        {
            uses = (await ExplanationAsync(client, consentId)).GetProperty("uses");
            if (uses.GetProperty("count").GetInt32() >= 3
                && uses.TryGetProperty("lastUsedAt", out var last) && last.GetDateTimeOffset() > after) return uses;
            await Task.Delay(250);
        }
        while (clock.Elapsed < TimeSpan.FromSeconds(60));

        throw new TimeoutException($"the uses did not reach three with the read last in time: {uses}");
    }
}
