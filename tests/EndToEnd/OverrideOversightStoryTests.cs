namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 20 §3 through the gateway: an override approved today is due for review by the holder's
/// Caldicott guardian (another organisation's guardian cannot review it), and no longer due once
/// reviewed; a safeguarding lead's notice delay hides the override from the young person until it
/// ends by itself, and both the delay and its end reach the ledger.
/// </summary>
public sealed class OverrideOversightStoryTests(PlatformProcesses platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_override_is_reviewed_by_the_holders_guardian_only_and_a_notice_delay_hides_it_from_the_young_person_until_it_ends()
    {
        await new Scenario(platform).ActiveDsaAsync();
        var subject = Scenario.NewSubject();
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School, name: "ms-khan");
        using var lead = await platform.ClientAsAsync("SafeguardingLead", org: Scenario.LocalAuthority, name: "dr-osei");
        using var guardian = await platform.ClientAsAsync("CaldicottGuardian", org: Scenario.LocalAuthority, name: "gail-guardian");
        using var schoolGuardian = await platform.ClientAsAsync("CaldicottGuardian", org: Scenario.School, name: "sam-guardian");
        using var strangerGuardian = await platform.ClientAsAsync("CaldicottGuardian", org: "CHARITY-GUARDIAN", name: "sid-guardian");
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        using var auditor = await platform.ClientAsAsync("Auditor", name: "auditor");

        var reviewed = await OverrideAsync(school, lead, subject);
        var delayed = await OverrideAsync(school, lead, subject);

        Assert.Contains(reviewed, await IdsAsync(guardian, "/api/disclosures?overrideReview=due"));
        Assert.DoesNotContain(reviewed, await IdsAsync(guardian, "/api/disclosures?overrideReview=overdue"));
        Assert.Equal(HttpStatusCode.Forbidden, (await schoolGuardian.PostJsonAsync($"/api/disclosures/{reviewed}/override-review", new { outcome = "upheld", rationale = "Not ours to review." })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerGuardian.PostJsonAsync($"/api/disclosures/{reviewed}/override-review", new { outcome = "upheld", rationale = "A stranger." })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await school.GetAsync(new Uri("/api/disclosures?overrideReview=due", UriKind.Relative), Cancel)).StatusCode);
        var done = await (await guardian.PostJsonAsync($"/api/disclosures/{reviewed}/override-review", new { outcome = "upheld", rationale = "Neglect was seen at school; the council needed to know." }))
            .ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("upheld", done.GetProperty("overrideReview").GetProperty("outcome").GetString());
        Assert.DoesNotContain(reviewed, await IdsAsync(guardian, "/api/disclosures?overrideReview=due"));

        // Both requests are in the young person's view once ledgered; then a lead delays telling about one.
        await MineAsync(youngCarer, ids => ids.Contains(reviewed) && ids.Contains(delayed));
        // Long enough that the ledger, however busy CI is, shows the delay before it ends.
        var until = DateTimeOffset.UtcNow.AddSeconds(30);
        await (await lead.PostJsonAsync($"/api/disclosures/{delayed}/notice-delay", new { until, reason = "Her father reads her phone; the social worker will tell her in person." }))
            .ExpectJsonAsync(HttpStatusCode.OK);
        await LedgerHoldsAsync(auditor, subject, "OverrideNoticeDelayed");
        var mine = await MineAsync(youngCarer, ids => ids.Contains(reviewed));
        Assert.DoesNotContain(delayed, mine);
        Assert.True(DateTimeOffset.UtcNow < until, "the check above must run while the delay is in force");
        // It ends by itself: then the young person sees it, and the ledger holds the delay and its end.
        await MineAsync(youngCarer, ids => ids.Contains(delayed), TimeSpan.FromSeconds(60));
        var types = await LedgerHoldsAsync(auditor, subject, "OverrideNoticeDelayEnded");
        Assert.Contains("OverrideReviewed", types);
        Assert.Contains("OverrideNoticeDelayed", types);
    }

    private static async Task<List<string?>> LedgerHoldsAsync(HttpClient auditor, string subject, string type)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var types = new List<string?>();
        while (DateTime.UtcNow < deadline)
        {
            var page = await (await auditor.GetAsync(new Uri($"/api/audit/entries?subjectId={subject}&limit=1000", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
            types = [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("eventType").GetString())];
            if (types.Contains(type)) return types;
            await Task.Delay(250, Cancel);
        }

        Assert.Fail($"the ledger of {subject} has no {type} after 60 s: {string.Join(", ", types)}");
        return types;
    }

    private static async Task<string> OverrideAsync(HttpClient school, HttpClient lead, string subject)
    {
        var asked = await (await Scenario.RequestShareAsync(school, subject, ["caring.role"], basis: "safeguarding",
            justification: "Teacher saw signs of neglect at home this week and the child is exhausted")).ExpectJsonAsync(HttpStatusCode.Created);
        var id = asked.GetProperty("id").GetString()!;
        var approved = await (await lead.PostJsonAsync($"/api/disclosures/{id}/approve-override", new { rationale = "Risk of neglect." })).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(approved.GetProperty("status").GetString() == "approved", approved.ToString());
        return id;
    }

    private static async Task<List<string?>> IdsAsync(HttpClient client, string path) =>
        [.. (await (await client.GetAsync(new Uri(path, UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK)).EnumerateArray().Select(d => d.GetProperty("id").GetString())];

    private static async Task<List<string?>> MineAsync(HttpClient youngCarer, Func<List<string?>, bool> done, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        var ids = new List<string?>();
        while (DateTime.UtcNow < deadline)
        {
            var mine = await (await youngCarer.GetAsync(new Uri("/api/me/disclosures", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
            ids = [.. mine.EnumerateArray().Select(d => d.GetProperty("disclosureId").GetString())];
            if (done(ids)) return ids;
            await Task.Delay(200, Cancel);
        }

        Assert.Fail($"the young person's view did not change as expected: {string.Join(", ", ids)}");
        return ids;
    }
}
