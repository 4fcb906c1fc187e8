namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Issue 18, part 2, on the real processes: a young carer signing in from the young carers' consumer
/// tenant acts for no ledger id until their sign-in is linked with a one-time code that a
/// practitioner who may see their consents issued. Typing another child's ledger id into the token
/// gets nothing; a used or expired code is refused; ending the link ends it at every service (the
/// consent service keeps links; the audit service asks it over RabbitMQ for each token).
/// </summary>
public sealed class SubjectLinkingTests(PlatformProcesses platform)
{
    [Fact]
    public async Task A_young_carer_sees_their_own_consents_only_after_linking_with_a_valid_code_and_nothing_after_ending_the_link()
    {
        var subject = Scenario.NewSubject();
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "ms-link");
        var consent = await (await school.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        // Signed in from the consumer tenant, claiming the ledger id in the token: the claim is not believed.
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject, name: "sam-" + subject, tenantId: TestTenants.Consumer);

        Assert.Equal(HttpStatusCode.Forbidden, (await youngCarer.GetAsync(new Uri("/api/consents", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await youngCarer.GetAsync(new Uri($"/api/consents/{consent.GetProperty("id").GetString()}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await youngCarer.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Empty((await GetJsonAsync(youngCarer, "/api/me/links")).EnumerateArray());

        using var issue = await school.PostJsonAsync("/api/link-codes", new { subjectId = subject });
        var issued = await issue.ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("no-store", issue.Headers.CacheControl?.ToString());
        var code = issued.GetProperty("code").GetString()!;
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);

        // Typed in lower case without the hyphens, as a young person might.
        var linked = await (await youngCarer.PostJsonAsync("/api/me/links", new { code = code.Replace("-", "", StringComparison.Ordinal).ToLowerInvariant() }))
            .ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal(subject, linked.GetProperty("subjectId").GetString());

        var mine = await GetJsonAsync(youngCarer, "/api/consents");
        Assert.Equal([consent.GetProperty("id").GetString()], mine.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await youngCarer.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var links = (await GetJsonAsync(youngCarer, "/api/me/links")).EnumerateArray().ToList();
        Assert.True(Assert.Single(links).GetProperty("thisSignIn").GetBoolean());

        // Used once: another sign-in cannot use it again, even for the same child.
        using var secondSignIn = await platform.ClientAsAsync("YoungCarer", subjectId: subject, name: "sam-phone-" + subject, tenantId: TestTenants.Consumer);
        Assert.Equal(HttpStatusCode.Conflict, (await secondSignIn.PostJsonAsync("/api/me/links", new { code })).StatusCode);

        // Ended: the sign-in acts for nobody again, at the consent service and the audit service alike.
        var linkId = links[0].GetProperty("linkId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await youngCarer.DeleteAsync(new Uri($"/api/me/links/{linkId}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await youngCarer.GetAsync(new Uri("/api/consents", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await youngCarer.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        // The ledger holds the steps, never the code.
        using var auditor = await platform.ClientAsAsync("Auditor", name: "auditor");
        var ledger = await WaitForLedgerAsync(auditor, subject, ["SubjectLinkCodeIssued", "SubjectLinked", "SubjectUnlinked"]);
        Assert.DoesNotContain(code, ledger, StringComparison.Ordinal);
        Assert.DoesNotContain(code.Replace("-", "", StringComparison.Ordinal), ledger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_is_issued_only_by_a_practitioner_who_may_see_the_young_carers_consents_and_an_unknown_code_is_refused()
    {
        var subject = Scenario.NewSubject();
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "ms-link");
        using var stranger = await platform.ClientAsAsync("Practitioner", org: "URN-STRANGER-LINK", name: "mallory");
        (await (await school.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" }))
            .ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id");
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject, name: "sam2-" + subject, tenantId: TestTenants.Consumer);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostJsonAsync("/api/link-codes", new { subjectId = subject })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await youngCarer.PostJsonAsync("/api/me/links", new { code = "ABCD-EFGH-JKMN" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await youngCarer.PostJsonAsync("/api/me/links", new { code = "not a code" })).StatusCode);
    }

    private static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);
        return await response.ExpectJsonAsync(HttpStatusCode.OK);
    }

    private static async Task<string> WaitForLedgerAsync(HttpClient auditor, string subject, string[] types)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var text = "";
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var response = await auditor.GetAsync(new Uri($"/api/audit/entries?subjectId={subject}", UriKind.Relative), TestContext.Current.CancellationToken);
            text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            using var document = JsonDocument.Parse(text);
            var seen = document.RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("eventType").GetString()).ToList();
            if (types.All(seen.Contains)) return text;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the ledger of {subject} lacks one of {string.Join(", ", types)} after 30 s: {text}");
        return text;
    }
}
