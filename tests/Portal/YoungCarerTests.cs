namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// The young carer's own pages: who can see what (organisations by name, each kind of information,
/// how long, why allowed, how often used), pause, resume and withdraw; answering a proposal with
/// yes, some of it (check your answers first) or no; and their signed receipts. Every page is
/// checked with axe and must score at least 70 on Flesch Reading Ease.
/// </summary>
public sealed class YoungCarerTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task Young_carer_sees_who_can_see_what_by_name_and_how_often_it_was_used_then_pauses_resumes_and_withdraws()
    {
        var (subject, consentId) = await Story.ConsentedSubjectAsync(Platform, "Young carers: council and school (young carer page)");
        using var school = await Platform.SchoolPractitionerAsync();
        var shared = await Story.RequestShareAsync(school, subject, "caring.role");
        Assert.Equal("approved", shared.GetProperty("status").GetString());
        using var youngCarer = await Platform.YoungCarerAsync(subject);
        await WaitForUsesAsync(youngCarer, consentId, 1);
        var page = await Browser.NewPageAsync();

        await page.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");

        Assert.Equal(Platform.Url("/young-carer"), page.Url);
        var card = page.Locator($"[data-consent='{consentId}']");
        await Assertions.Expect(card).ToContainTextAsync("So your school can give you extra time and support");
        await Assertions.Expect(card).ToContainTextAsync("Sharing");
        await Assertions.Expect(card.Locator("[data-holders]")).ToHaveTextAsync("County Council and Riverside School");
        await Assertions.Expect(card.Locator("[data-recipients]")).ToHaveTextAsync("County Council and Riverside School");
        await Assertions.Expect(card.Locator("[data-categories] li")).ToHaveTextAsync(["your name and date of birth", "that you are a young carer and who you look after", "how often you are at school"]);
        await Assertions.Expect(card.Locator("[data-kept-for-days]")).ToHaveTextAsync("Up to 90 days. Then it is deleted.");
        await Assertions.Expect(card).ToContainTextAsync("You said yes to this. You can change your mind at any time.");
        await Assertions.Expect(card.Locator("[data-uses]")).ToContainTextAsync("1 time. The last time was on");
        await Assertions.Expect(card.Locator("[data-uses]")).ToContainTextAsync("by Riverside School");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Story.School);
        await page.FitForYoungCarersAsync("young-carer");

        await page.ClickToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Pause sharing" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have paused sharing");
        await Assertions.Expect(card).ToContainTextAsync("Paused");
        Assert.Equal("paused", (await youngCarer.GetJsonAsync($"/api/consents/{consentId}")).GetProperty("status").GetString());
        await page.AccessibleAsync("young-carer-paused");

        await page.ClickToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Turn sharing back on" }), "/young-carer", "Who can see what about me");
        await Assertions.Expect(card).ToContainTextAsync("Sharing");

        await page.ClickToAsync(card.GetByRole(AriaRole.Link, new() { Name = "Stop sharing for good" }), "/young-carer/withdraw/*", "stop sharing for good");
        await page.FitForYoungCarersAsync("young-carer-withdraw");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/withdraw/*", "stop sharing for good");
        await Assertions.Expect(page.Locator("#Sure-error")).ToContainTextAsync("Choose yes");
        await page.AccessibleAsync("young-carer-withdraw-error");
        await page.GetByLabel("Yes, stop sharing for good").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have stopped sharing for good");
        Assert.Equal("withdrawn", (await youngCarer.GetJsonAsync($"/api/consents/{consentId}")).GetProperty("status").GetString());

        // Who asked about them: the school by name, never its code.
        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "See who has asked about me" }), "/young-carer/requests", "Who has asked about me");
        await Assertions.Expect(page.Locator($"[data-disclosure='{shared.GetProperty("id").GetString()}'] h2")).ToContainTextAsync("Riverside School asked on");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Story.School);
        await page.FitForYoungCarersAsync("young-carer-requests");
    }

    [Fact]
    public async Task Young_carer_says_yes_to_only_some_of_a_proposal_after_checking_the_answer_and_keeps_the_signed_receipt()
    {
        var subject = await Story.SubjectUnderActiveDsaAsync(Platform, "Young carers: council and school (proposal, some)");
        using var school = await Platform.SchoolPractitionerAsync();
        var proposalId = await ProposeAsync(school, subject, "So we can give you extra time for homework.");
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");

        await Assertions.Expect(page.Locator($"[data-proposal='{proposalId}']")).ToContainTextAsync("So your school can give you extra time");
        await page.FitForYoungCarersAsync("young-carer-proposal-waiting");
        await page.ClickToAsync(page.Locator($"[data-proposal='{proposalId}'] a"), "/young-carer/proposals/*", "Can they share this?");

        await Assertions.Expect(page.Locator("[data-note]")).ToContainTextAsync("So we can give you extra time for homework.");
        await Assertions.Expect(page.Locator("[data-recipients]")).ToHaveTextAsync("County Council and Riverside School");
        await Assertions.Expect(page.Locator("[data-categories] li")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("[data-kept-for-days]")).ToHaveTextAsync("Up to 90 days. Then it is deleted.");
        await Assertions.Expect(page.Locator("[data-lawful-basis]")).ToHaveTextAsync("It is only allowed if you say yes.");
        await page.FitForYoungCarersAsync("young-carer-proposal");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/proposals/*", "Can they share this?");
        await Assertions.Expect(page.Locator("#Answer-error")).ToContainTextAsync("Choose if they can share this");
        await page.AccessibleAsync("young-carer-proposal-error");

        await page.GetByLabel("Yes, but only some of it").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/proposals/*/some", "Choose what they can share");
        await page.FitForYoungCarersAsync("young-carer-proposal-some");
        await page.GetByLabel("County Council").UncheckAsync();
        await page.GetByLabel("Riverside School").UncheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/proposals/*/some", "Choose what they can share");
        await Assertions.Expect(page.Locator("#org-error")).ToContainTextAsync("Choose at least one place");
        await page.AccessibleAsync("young-carer-proposal-some-error");
        await page.GetByLabel("Riverside School").CheckAsync();
        await page.GetByLabel("how often you are at school").UncheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/proposals/*/check", "Check your answer");

        await Assertions.Expect(page.Locator("[data-answer]")).ToHaveTextAsync("Yes, but only some of it");
        await Assertions.Expect(page.Locator("[data-kept-recipients]")).ToHaveTextAsync("Riverside School");
        await Assertions.Expect(page.Locator("[data-kept-categories] li")).ToHaveTextAsync(["your name and date of birth", "that you are a young carer and who you look after"]);
        await page.FitForYoungCarersAsync("young-carer-proposal-check");
        using var youngCarer = await Platform.YoungCarerAsync(subject);
        Assert.Equal("proposed", (await youngCarer.GetJsonAsync($"/api/consents/{proposalId}")).GetProperty("status").GetString());

        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You said yes");
        var consent = await youngCarer.GetJsonAsync($"/api/consents/{proposalId}");
        Assert.Equal("active", consent.GetProperty("status").GetString());
        Assert.Equal([Story.School], Strings(consent.GetProperty("recipientOrgIds")));
        Assert.Equal(["identity.basic", "caring.role"], Strings(consent.GetProperty("dataCategories")));
        var card = page.Locator($"[data-consent='{proposalId}']");
        await Assertions.Expect(card.Locator("[data-recipients]")).ToHaveTextAsync("Riverside School");
        await Assertions.Expect(card.Locator("[data-categories] li")).ToHaveCountAsync(2);
        var removed = await Story.RequestShareAsync(school, subject, "education.attendance");
        Assert.Equal("denied", removed.GetProperty("status").GetString());
        Assert.Contains("consent-category-mismatch", removed.GetProperty("decision").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()));

        // The receipt of the acceptance: shown in words, and the file is the signed receipt the API lists.
        var receipts = await WaitForReceiptsAsync(youngCarer, proposalId, 1);
        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "See my receipts" }), "/young-carer/receipts", "My receipts");
        var receipt = page.Locator($"[data-receipt='{proposalId}'][data-version='{receipts[0].GetProperty("version").GetInt64()}']");
        await Assertions.Expect(receipt.Locator("h2")).ToContainTextAsync("Sharing is on");
        await Assertions.Expect(receipt).ToContainTextAsync("A proposal accepted by the young person");
        await Assertions.Expect(receipt.Locator("[data-receipt-organisations]")).ToContainTextAsync("Riverside School");
        await page.FitForYoungCarersAsync("young-carer-receipts");
        var download = await page.RunAndWaitForDownloadAsync(() => receipt.GetByRole(AriaRole.Link, new() { Name = "Get the signed file" }).ClickAsync());
        var file = await File.ReadAllTextAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        Assert.Equal(receipts[0].GetProperty("jws").GetString(), file);
        Assert.EndsWith(".jws", download.SuggestedFilename, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Young_carer_says_no_to_a_proposal_and_it_cannot_be_answered_again()
    {
        var subject = await Story.SubjectUnderActiveDsaAsync(Platform, "Young carers: council and school (proposal, no)");
        using var school = await Platform.SchoolPractitionerAsync();
        var proposalId = await ProposeAsync(school, subject, null);
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");

        await page.OpenAsync(Platform, $"/young-carer/proposals/{proposalId}", "Can they share this?");
        await page.GetByLabel("No, they cannot share it").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/proposals/*/check", "Check your answer");
        await Assertions.Expect(page.Locator("[data-answer]")).ToHaveTextAsync("No, they cannot share it");
        await Assertions.Expect(page.Locator("[data-kept-recipients]")).ToHaveCountAsync(0);
        await page.FitForYoungCarersAsync("young-carer-proposal-check-no");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send my answer" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You said no");
        using var youngCarer = await Platform.YoungCarerAsync(subject);
        Assert.Equal("declined", (await youngCarer.GetJsonAsync($"/api/consents/{proposalId}")).GetProperty("status").GetString());
        await Assertions.Expect(page.Locator($"[data-proposal='{proposalId}']")).ToHaveCountAsync(0);
        await page.OpenAsync(Platform, $"/young-carer/proposals/{proposalId}", "We cannot ask you this now");
        await Assertions.Expect(page.Locator("[data-unanswerable]")).ToHaveTextAsync("You have already said no to this.");
        await page.FitForYoungCarersAsync("young-carer-proposal-answered");
    }

    private static async Task<string> ProposeAsync(HttpClient practitioner, string subject, string? note)
    {
        var proposed = await practitioner.PostAsJsonAsync("/api/consents/proposals", new { subjectId = subject, purpose = "school-support", note }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, proposed.StatusCode);
        var proposal = await proposed.ReadJsonAsync();
        Assert.Equal("proposed", proposal.GetProperty("status").GetString());
        return proposal.GetProperty("id").GetString()!;
    }

    /// <summary>Uses are counted from the disclosure service's events, which arrive over the broker a moment after the decision.</summary>
    private static async Task WaitForUsesAsync(HttpClient youngCarer, string consentId, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        var seen = -1;
        while (DateTimeOffset.UtcNow < deadline)
        {
            seen = (await youngCarer.GetJsonAsync($"/api/consents/{consentId}/explanation")).GetProperty("uses").GetProperty("count").GetInt32();
            if (seen >= count) return;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"consent {consentId} shows {seen} uses after 30 s, expected {count}");
    }

    /// <summary>Receipts are issued by the consent service's subscription a moment after the change.</summary>
    private static async Task<IReadOnlyList<JsonElement>> WaitForReceiptsAsync(HttpClient youngCarer, string consentId, int count)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        IReadOnlyList<JsonElement> receipts = [];
        while (DateTimeOffset.UtcNow < deadline)
        {
            receipts = [.. (await youngCarer.GetJsonAsync($"/api/consents/{consentId}/receipts")).EnumerateArray()];
            if (receipts.Count >= count) return receipts;
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"consent {consentId} has {receipts.Count} receipts after 30 s, expected {count}");
        return receipts;
    }

    private static List<string?> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString())];
}
