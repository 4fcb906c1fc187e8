namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// The brief's story through the portal only: a school practitioner asks, the council releases,
/// the school reads; the young carer pauses; the school's next read is refused; the young carer
/// sees who asked; an auditor verifies the ledger and replays the decision.
/// </summary>
public sealed class StoryTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task Young_carer_pauses_a_consent_and_the_practitioners_next_package_read_is_refused_then_an_auditor_verifies()
    {
        var (subject, _) = await Story.ConsentedSubjectAsync(Platform, "Young carers: council and school (story)");

        // The school asks, in two steps: purpose first, then what and from whom.
        var school = await Browser.NewPageAsync();
        await school.SignInAsync(Platform, "Practitioner", org: Story.School, name: "Sally School");
        await school.OpenAsync(Platform, "/practitioner/request", "Ask to share information");
        await school.Locator("input[name='Choice']").First.CheckAsync();
        await school.ClickToAsync(school.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/practitioner/request", "Ask to share information");
        await school.ClickToAsync(school.GetByRole(AriaRole.Button, new() { Name = "Ask" }), "/practitioner/request", "Ask to share information");
        await Assertions.Expect(school.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the young carer's ledger id");
        await school.AccessibleAsync("practitioner-request");
        await school.GetByLabel("Young carer's ledger id").FillAsync(subject);
        await school.GetByLabel($"County Council ({Story.LocalAuthority})").CheckAsync();
        await school.GetByLabel("caring.role").CheckAsync();
        await school.GetByLabel("The young person's consent").CheckAsync();
        await school.ClickToAsync(school.GetByRole(AriaRole.Button, new() { Name = "Ask" }), "/practitioner/disclosures/*", "school-support");

        var status = await school.Locator("#disclosure-status").InnerTextAsync();
        Assert.True(status == "Approved", $"the request was {status}: {string.Join("; ", await school.Locator("[data-reason]").AllInnerTextsAsync())}");
        await Assertions.Expect(school.GetByText("Every check passed.")).ToBeVisibleAsync();
        await school.AccessibleAsync("practitioner-decision");
        var disclosurePath = new Uri(school.Url).AbsolutePath;

        // The council releases: one field per approved category.
        var council = await Browser.NewPageAsync();
        await council.SignInAsync(Platform, "Practitioner", org: Story.LocalAuthority, name: "Carl Council");
        await council.OpenAsync(Platform, disclosurePath, "school-support");
        await council.ClickToAsync(council.GetByRole(AriaRole.Button, new() { Name = "Release" }), "/practitioner/disclosures/*", "school-support");
        await Assertions.Expect(council.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the caring.role information");
        await council.GetByLabel("caring.role").FillAsync("Cares for their mother after school, about 3 hours a day.");
        await council.AccessibleAsync("practitioner-release");
        await council.ClickToAsync(council.GetByRole(AriaRole.Button, new() { Name = "Release" }), "/practitioner/disclosures/*", "Released");
        await Assertions.Expect(council.Locator("#disclosure-status")).ToHaveTextAsync("Released");

        // The school reads the package.
        await school.OpenAsync(Platform, disclosurePath, "Released");
        await school.ClickToAsync(school.GetByRole(AriaRole.Button, new() { Name = "Read the package" }), "/practitioner/disclosures/*", "school-support");
        await Assertions.Expect(school.Locator("#package")).ToContainTextAsync("Cares for their mother after school");
        await school.AccessibleAsync("practitioner-package");

        // The young carer pauses in the portal.
        var youngCarer = await Browser.NewPageAsync();
        await youngCarer.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");
        await youngCarer.ClickToAsync(youngCarer.GetByRole(AriaRole.Button, new() { Name = "Pause sharing" }), "/young-carer", "Who can see what about me");
        await Assertions.Expect(youngCarer.Locator(".govuk-notification-banner")).ToContainTextAsync("You have paused sharing");

        // The school's next read is refused, with the reason in words.
        await school.OpenAsync(Platform, disclosurePath, "school-support");
        await school.ClickToAsync(school.GetByRole(AriaRole.Button, new() { Name = "Read the package" }), "/practitioner/disclosures/*", "school-support");
        var summary = school.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("paused their consent");
        await Assertions.Expect(school.Locator("#package")).ToHaveCountAsync(0);
        await school.AccessibleAsync("practitioner-read-refused");

        // The young carer sees who asked, the release and the read.
        await youngCarer.OpenAsync(Platform, "/young-carer/requests", "Who has asked about me");
        var request = youngCarer.Locator(".govuk-summary-card").First;
        await Assertions.Expect(request).ToContainTextAsync("Riverside School asked on", new() { Timeout = 15_000 });
        await Assertions.Expect(request).ToContainTextAsync("that you are a young carer and who you look after");
        await youngCarer.FitForYoungCarersAsync("young-carer-requests-story");

        // An auditor verifies the ledger and replays the decision.
        var auditor = await Browser.NewPageAsync();
        await auditor.SignInAsync(Platform, "Auditor", name: "Alex Auditor");
        await auditor.OpenAsync(Platform, "/auditor?SubjectId=" + subject, "Audit ledger");
        await Assertions.Expect(auditor.Locator("#ledger")).ToContainTextAsync("DisclosureReleased");
        await auditor.AccessibleAsync("auditor-ledger");
        await auditor.ClickToAsync(auditor.GetByRole(AriaRole.Link, new() { Name = "Replay the decision" }).First, "/auditor/replay/*", "Replay a decision");
        await Assertions.Expect(auditor.Locator("#replay-result")).ToHaveTextAsync("Consistent");
        await auditor.AccessibleAsync("auditor-replay");
        await auditor.OpenAsync(Platform, "/auditor/verify", "Verify the ledger");
        await auditor.ClickToAsync(auditor.GetByRole(AriaRole.Button, new() { Name = "Verify now" }), "/auditor/verify", "Verify the ledger");
        await Assertions.Expect(auditor.Locator("#verification")).ToContainTextAsync("The ledger is intact");
        await auditor.AccessibleAsync("auditor-verify");
        await auditor.OpenAsync(Platform, "/statistics", "Statistics");
        await Assertions.Expect(auditor.Locator("#table-outcomes-by-purpose")).ToBeVisibleAsync();
        await auditor.AccessibleAsync("auditor-stats");
    }
}
