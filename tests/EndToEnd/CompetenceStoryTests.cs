namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20 §1 through the gateway: a practitioner of a party to the agreement records that the young
/// person is competent to decide about school support; a parent's consent for it is then refused, the
/// young person's own is not, and the assessment reaches the ledger.
/// </summary>
public sealed class CompetenceStoryTests(PlatformProcesses platform)
{
    [Fact]
    public async Task Assessed_competent_a_parents_consent_is_refused_the_young_persons_own_is_recorded_and_the_ledger_holds_the_assessment()
    {
        var ct = TestContext.Current.CancellationToken;
        await new Scenario(platform).ActiveDsaAsync();
        var subject = Scenario.NewSubject();
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "ms-khan");
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        using var auditor = await platform.ClientAsAsync("Auditor", name: "auditor");

        await (await school.PostJsonAsync($"/api/subjects/{subject}/competence", new { purpose = "school-support", outcome = "competent", basis = "gillick" }))
            .ExpectJsonAsync(HttpStatusCode.Created);

        var refused = await (await school.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "parent", proxy = new { relationship = "mother" } }))
            .ExpectJsonAsync(HttpStatusCode.Conflict);
        Assert.Contains("assessed competent", refused.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var own = await (await youngCarer.PostJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" })).ExpectJsonAsync(HttpStatusCode.Created);
        Assert.Equal("self", own.GetProperty("givenBy").GetString());
        var mine = await (await youngCarer.GetAsync(new Uri($"/api/subjects/{subject}/competence", UriKind.Relative), ct)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("competent", mine[0].GetProperty("outcome").GetString());

        var deadline = DateTime.UtcNow.AddSeconds(30);
        var ledger = "";
        while (DateTime.UtcNow < deadline && !ledger.Contains("\"CompetenceAssessed\"", StringComparison.Ordinal))
        {
            ledger = await (await auditor.GetAsync(new Uri($"/api/audit/entries?subjectId={subject}", UriKind.Relative), ct)).Content.ReadAsStringAsync(ct);
            await Task.Delay(200, ct);
        }

        Assert.Contains("\"CompetenceAssessed\"", ledger, StringComparison.Ordinal);
    }
}
