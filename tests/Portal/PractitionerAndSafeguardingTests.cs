namespace ConsentPlatform.Portal.Tests;

/// <summary>A practitioner records consent given in person; a safeguarding lead approves an override another person asked for.</summary>
public sealed class PractitionerAndSafeguardingTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task Practitioner_records_consent_given_in_person_and_finds_it_for_the_young_carer()
    {
        var subject = await Story.SubjectUnderActiveDsaAsync(Platform, "Young carers: council and school (record consent)");
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "Practitioner", org: Story.School, name: "Sally School");

        await page.OpenAsync(Platform, "/practitioner/record-consent", "Record consent given in person");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }), "/practitioner/record-consent", "Record consent given in person");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Select who gave consent");
        await page.AccessibleAsync("practitioner-record-consent-errors");
        await page.GetByLabel("Young carer's ledger id").FillAsync(subject);
        await page.GetByLabel("Purpose").SelectOptionAsync("school-support");
        // Issue 20: a parent's consent records who gave it.
        await page.GetByRole(AriaRole.Radio, new() { Name = "A parent" }).CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }), "/practitioner/record-consent", "Record consent given in person");
        await Assertions.Expect(page.Locator("#ProxyRelationship-error")).ToContainTextAsync("Enter the relationship of the parent or guardian");
        await page.AccessibleAsync("practitioner-record-consent-proxy-error");
        await page.GetByRole(AriaRole.Radio, new() { Name = "The young carer" }).CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }), "/practitioner", "Requests and consents");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync($"Consent recorded for {subject}");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("given by self");
        await page.AccessibleAsync("practitioner-index");
        using var practitioner = await Platform.ClientAsAsync("Practitioner", org: Story.School);
        var consents = await practitioner.GetJsonAsync($"/api/consents?subjectId={subject}");
        Assert.Equal("active", consents[0].GetProperty("status").GetString());

        // Issue 18: a one-time code links the young carer's own sign-in; shown once, on this page only.
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = $"Make a link code for {subject}" }), "/practitioner", "Requests and consents");
        var code = (await page.Locator(".portal-link-code").InnerTextAsync()).Trim();
        Assert.Matches("^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$", code);
        await page.AccessibleAsync("practitioner-link-code");

        var youngCarer = await Browser.NewPageAsync();
        await youngCarer.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");
        await youngCarer.ClickToAsync(youngCarer.GetByRole(AriaRole.Link, new() { Name = "Link my sign-in" }).First, "/young-carer/sign-ins", "Link my sign-in");
        await Assertions.Expect(youngCarer.Locator("[data-links='none']")).ToBeVisibleAsync();
        await youngCarer.ClickToAsync(youngCarer.GetByRole(AriaRole.Button, new() { Name = "Link my sign-in" }), "/young-carer/sign-ins", "Link my sign-in");
        await Assertions.Expect(youngCarer.Locator("#Code-error")).ToContainTextAsync("Enter the code");
        await youngCarer.AccessibleAsync("young-carer-sign-ins-error");
        await youngCarer.GetByLabel("Your code").FillAsync(code.ToLowerInvariant());
        await youngCarer.ClickToAsync(youngCarer.GetByRole(AriaRole.Button, new() { Name = "Link my sign-in" }), "/young-carer/sign-ins", "Link my sign-in");
        await Assertions.Expect(youngCarer.Locator(".govuk-notification-banner")).ToContainTextAsync("Your sign-in is linked");
        await Assertions.Expect(youngCarer.Locator("[data-links] li")).ToContainTextAsync("This sign-in, linked on");
        await youngCarer.FitForYoungCarersAsync("young-carer-sign-ins");

        // Used once: the same code again is refused, in words, on the page.
        await youngCarer.GetByLabel("Your code").FillAsync(code);
        await youngCarer.ClickToAsync(youngCarer.GetByRole(AriaRole.Button, new() { Name = "Link my sign-in" }), "/young-carer/sign-ins", "Link my sign-in");
        await Assertions.Expect(youngCarer.Locator(".govuk-error-summary")).ToContainTextAsync("used already");
        await youngCarer.ClickToAsync(youngCarer.GetByRole(AriaRole.Button, new() { Name = "End this link (this sign-in)" }), "/young-carer/sign-ins", "Link my sign-in");
        await Assertions.Expect(youngCarer.Locator("[data-links='none']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Safeguarding_lead_approves_with_a_rationale_a_request_awaiting_override_approval()
    {
        var subject = await Story.SubjectUnderActiveDsaAsync(Platform, "Young carers: council and school (safeguarding)");
        using var school = await Platform.SchoolPractitionerAsync();
        var requested = await Story.RequestShareAsync(school, subject, basis: "safeguarding", justification: "Bruises seen twice this week and the child says they are not sleeping.");
        var id = requested.GetProperty("id").GetString();

        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "SafeguardingLead", org: Story.LocalAuthority, name: "Lee Lead");
        await page.GetByLabel("Young carer's ledger id").FillAsync(subject);
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Find" }), "/safeguarding", "Requests waiting for safeguarding approval");
        await page.AccessibleAsync("safeguarding-queue");
        await page.ClickToAsync(page.Locator($"a[href='/safeguarding/disclosures/{id}']"), "/safeguarding/disclosures/*", "school-support");
        await Assertions.Expect(page.Locator("#disclosure-status")).ToHaveTextAsync("Awaiting safeguarding approval");
        // Organisations by the names their agreements give them, the signed-in lead's own too; never a bare code.
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Asked by" }).Locator("dd")).ToContainTextAsync("Riverside School on");
        await Assertions.Expect(page.Locator(".govuk-summary-list__row", new() { HasText = "Held by" }).Locator("dd")).ToHaveTextAsync("County Council");
        await Assertions.Expect(page.Locator(".portal-account__who")).ToContainTextAsync("Safeguarding lead, County Council");
        await Assertions.Expect(page.GetByRole(AriaRole.Main)).Not.ToContainTextAsync(Story.School);
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Approve sharing without consent" }), "/safeguarding/disclosures/*", "school-support");
        await Assertions.Expect(page.Locator("#Rationale-error")).ToContainTextAsync("Enter why sharing without consent is justified");
        await page.AccessibleAsync("safeguarding-approve-errors");
        await page.GetByLabel("Why is sharing without consent justified?").FillAsync("Signs of neglect; the school must support the child today.");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Approve sharing without consent" }), "/safeguarding/disclosures/*", "Approved");

        await Assertions.Expect(page.Locator("#disclosure-status")).ToHaveTextAsync("Approved");
        Assert.Equal("approved", (await school.GetJsonAsync($"/api/disclosures/{id}")).GetProperty("status").GetString());
    }
}
