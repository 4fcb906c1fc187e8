namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// Issue 20 §2 in the portal: after a young person withdraws, the school's practitioner finds the
/// request to delete what they read on their home page and answers it (with the error a "keep it"
/// without a reason gets), and the young person reads, in plain words, that a share was stopped and
/// that the school was asked to delete what it read and did. Every page is checked with axe; the
/// young person's page must score at least 70 on Flesch Reading Ease. And issue 20 §1: a young person
/// assessed competent is asked whether a parent's yes is still OK, and makes it their own.
/// </summary>
public sealed class ChangeOfMindTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task The_school_answers_a_request_to_delete_and_the_young_person_sees_a_stopped_share_and_the_deletion_in_plain_words()
    {
        var (subject, consentId) = await Story.ConsentedSubjectAsync(Platform, "Young carers: council and school (change of mind)");
        using var school = await Platform.SchoolPractitionerAsync();
        using var council = await Platform.ClientAsAsync("Practitioner", org: Story.LocalAuthority, name: "Carl Council");
        using var youngCarer = await Platform.YoungCarerAsync(subject);
        var read = await ApprovedAsync(school, subject);
        var stopped = await ApprovedAsync(school, subject);
        (await council.PostAsJsonAsync($"/api/disclosures/{read}/release", new { data = new Dictionary<string, string> { ["caring.role"] = "Cares for dad" } }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await school.GetAsync(new Uri($"/api/disclosures/{read}/package", UriKind.Relative), TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        (await youngCarer.PostAsJsonAsync($"/api/consents/{consentId}/withdraw", new { reason = "I changed my mind" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await WaitForMineAsync(youngCarer, d => Has(d, read, "deletion") && Has(d, stopped, "blockedAt"));

        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "Practitioner", org: Story.School, name: "Sally School");
        await page.OpenAsync(Platform, "/practitioner", "Requests and consents");
        var asked = page.Locator("#deletion-requests");
        await Assertions.Expect(asked).ToContainTextAsync("Asked to delete");
        await page.AccessibleAsync("practitioner-deletion-requests");
        await page.ClickToAsync(asked.Locator($"a[href='/practitioner/disclosures/{read}']"), $"/practitioner/disclosures/{read}", "school-support");
        await Assertions.Expect(page.Locator("#deletion")).ToHaveTextAsync("Asked to delete");
        await page.AccessibleAsync("practitioner-deletion-form");

        await page.GetByLabel("We must keep it").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }), $"/practitioner/disclosures/{read}", "school-support");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter why you must keep it");
        await page.AccessibleAsync("practitioner-deletion-form-error");
        await page.GetByLabel("We deleted it").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send the answer" }), $"/practitioner/disclosures/{read}", "school-support");
        await Assertions.Expect(page.Locator("#deletion-answer")).ToContainTextAsync("deleted.");
        var answered = await school.GetJsonAsync($"/api/disclosures/{read}");
        Assert.Equal("deleted", answered.GetProperty("deletion").GetProperty("outcome").GetString());

        await WaitForMineAsync(youngCarer, d => Has(d, read, "deletion", "outcome"));
        var young = await Browser.NewPageAsync();
        await young.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");
        await young.OpenAsync(Platform, "/young-carer/requests", "Who has asked about me");
        var stoppedCard = young.Locator($"[data-disclosure='{stopped}']");
        await Assertions.Expect(stoppedCard).ToContainTextAsync("Stopped, not shared");
        await Assertions.Expect(stoppedCard).ToContainTextAsync("Nothing was shared.");
        var readCard = young.Locator($"[data-disclosure='{read}']");
        await Assertions.Expect(readCard).ToContainTextAsync("we asked them to delete it");
        await Assertions.Expect(readCard).ToContainTextAsync("that they deleted it");
        await young.FitForYoungCarersAsync("young-carer-requests-change-of-mind");
    }

    [Fact]
    public async Task A_young_person_assessed_competent_is_asked_in_plain_words_whether_their_parents_yes_is_still_ok_and_makes_it_their_own()
    {
        var subject = await Story.SubjectUnderActiveDsaAsync(Platform, "Young carers: council and school (proxy consent)");
        using var school = await Platform.SchoolPractitionerAsync();
        using var given = await school.PostAsJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "parent", proxy = new { relationship = "mother" } }, TestContext.Current.CancellationToken);
        var consentId = (await given.ReadJsonAsync()).GetProperty("id").GetString()!;
        (await school.PostAsJsonAsync($"/api/subjects/{subject}/competence", new { purpose = "school-support", outcome = "competent", basis = "gillick" }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");
        var card = page.Locator($"[data-consent='{consentId}']");
        await Assertions.Expect(card).ToContainTextAsync("Your parent said yes for you. You can now decide for yourself. Is that still OK?");
        await page.FitForYoungCarersAsync("young-carer-confirm-proxy");

        await page.ClickToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Yes, that is OK" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("This is now your own yes");
        await Assertions.Expect(card.Locator("[data-confirm-by]")).ToHaveCountAsync(0);
        using var youngCarer = await Platform.YoungCarerAsync(subject);
        var consent = await youngCarer.GetJsonAsync($"/api/consents/{consentId}");
        Assert.Equal("self", consent.GetProperty("givenBy").GetString());
    }

    private static async Task<string> ApprovedAsync(HttpClient school, string subject)
    {
        var body = await Story.RequestShareAsync(school, subject);
        Assert.True(body.GetProperty("status").GetString() == "approved", body.ToString());
        return body.GetProperty("id").GetString()!;
    }

    private static bool Has(JsonElement mine, string id, params string[] path)
    {
        foreach (var item in mine.EnumerateArray())
        {
            if (item.GetProperty("disclosureId").GetString() != id) continue;
            var at = item;
            foreach (var name in path)
            {
                if (!at.TryGetProperty(name, out at) || at.ValueKind is JsonValueKind.Null) return false;
            }

            return true;
        }

        return false;
    }

    private static async Task WaitForMineAsync(HttpClient youngCarer, Func<JsonElement, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            var mine = await youngCarer.GetJsonAsync("/api/me/disclosures");
            last = mine.ToString();
            if (done(mine)) return;
            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"the young person's view did not show it within 60 s: {last}");
    }
}

/// <summary>
/// Issue 20 §3 in the portal: the holder's Caldicott guardian finds an approved safeguarding override
/// on their page, is told what is missing when they send the review empty, and records it; it then
/// leaves the queue. Every page is checked with axe.
/// </summary>
public sealed class GuardianTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task The_holders_Caldicott_guardian_reviews_an_approved_override_from_their_queue()
    {
        var subject = await Story.SubjectUnderActiveDsaAsync(Platform, "Young carers: council and school (guardian)");
        using var school = await Platform.SchoolPractitionerAsync();
        using var lead = await Platform.ClientAsAsync("SafeguardingLead", org: Story.LocalAuthority, name: "Lee Lead");
        var asked = await Story.RequestShareAsync(school, subject, basis: "safeguarding", justification: "Signs of neglect seen at school this week: the child is exhausted.");
        var id = asked.GetProperty("id").GetString()!;
        (await lead.PostAsJsonAsync($"/api/disclosures/{id}/approve-override", new { rationale = "Risk of neglect." }, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "CaldicottGuardian", org: Story.LocalAuthority, name: "Gail Guardian");
        var row = page.Locator($"#overrides-to-review [data-disclosure='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("Due");
        await page.AccessibleAsync("guardian-queue");
        await page.ClickToAsync(row.GetByRole(AriaRole.Link), $"/guardian/overrides/{id}", "Review a safeguarding override");
        await page.AccessibleAsync("guardian-override");

        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }), $"/guardian/overrides/{id}", "Review a safeguarding override");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select whether the override was justified");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the reasons for your finding");
        await page.AccessibleAsync("guardian-override-errors");
        await page.GetByLabel("Yes: upheld").CheckAsync();
        await page.GetByLabel("Your reasons").FillAsync("Neglect was seen at school; the council needed to know at once.");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record the review" }), "/guardian", "Safeguarding overrides to review");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Your review is recorded");
        await Assertions.Expect(page.Locator($"[data-disclosure='{id}']")).ToHaveCountAsync(0);
        using var guardian = await Platform.ClientAsAsync("CaldicottGuardian", org: Story.LocalAuthority, name: "Gail Guardian");
        Assert.Equal("upheld", (await guardian.GetJsonAsync($"/api/disclosures/{id}")).GetProperty("overrideReview").GetProperty("outcome").GetString());
    }
}
