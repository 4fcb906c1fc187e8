namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// Issue 17, part 4: the IG officer starts a draft from a registry template, justifies every kind
/// of data (a health item without a justification is refused by its own field, and nothing is
/// drafted), and sees their organisation's agreements due for review on the home page.
/// Each test signs in for an organisation of its own, so what it lists is only what it made.
/// </summary>
public sealed class IgOfficerAgreementTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    private const string Drafting = "/ig-officer/dsas/new";
    private const string DraftHeading = "Draft a data-sharing agreement";
    private const string Agreement = "/ig-officer/dsas/*";
    private const string NeedsAssessment = "young-carers-needs-assessment";

    private static string NewOrg(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();

    [Fact]
    public async Task IG_officer_starts_from_a_template_gets_the_form_filled_in_names_the_parties_changes_a_justification_and_drafts_with_the_template()
    {
        var org = NewOrg("LA-T");
        var school = NewOrg("SCH-T");
        using var officer = await Platform.ClientAsAsync("IgOfficer", org: org);
        var templates = await officer.GetJsonAsync("/api/dsas/templates");
        var template = templates.EnumerateArray().Single(t => t.GetProperty("id").GetString() == NeedsAssessment);
        var templateTitle = template.GetProperty("title").GetString()!;

        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "IgOfficer", org: org, name: "Tess Template");
        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Start from a template" }), "/ig-officer/dsas/templates", "Start from a template");

        // Every template the registry lists, each with its title, summary and legal sources.
        await Assertions.Expect(page.Locator("[data-template]")).ToHaveCountAsync(templates.GetArrayLength());
        var card = page.Locator($"[data-template='{NeedsAssessment}']");
        await Assertions.Expect(card.Locator("h2")).ToHaveTextAsync(templateTitle);
        await Assertions.Expect(card).ToContainTextAsync(template.GetProperty("summary").GetString()!);
        await Assertions.Expect(card.Locator("[data-legal-sources] li")).ToHaveCountAsync(template.GetProperty("legalSources").GetArrayLength());
        await Assertions.Expect(card.Locator("[data-legal-sources]")).ToContainTextAsync("Children Act 1989 ss.17ZA");
        await page.AccessibleAsync("ig-officer-templates");

        // A template the registry does not list: said so, and a blank form instead of a guess.
        var unknown = await Browser.NewPageAsync();
        await unknown.SignInAsync(Platform, "IgOfficer", org: org, name: "Tess Template");
        await unknown.OpenAsync(Platform, Drafting + "?template=no-such-template", DraftHeading);
        await Assertions.Expect(unknown.Locator(".govuk-error-summary")).ToContainTextAsync("There is no template \"no-such-template\"");
        await Assertions.Expect(unknown.Locator("#Input_Title")).ToHaveValueAsync("");
        await Assertions.Expect(unknown.Locator("#started-from")).ToHaveCountAsync(0);

        await page.ClickToAsync(card.GetByRole(AriaRole.Link, new() { Name = "Start from this template" }), Drafting, DraftHeading);
        Assert.EndsWith("?template=" + NeedsAssessment, page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#started-from")).ToContainTextAsync(templateTitle);
        await Assertions.Expect(page.Locator("#Input_Title")).ToHaveValueAsync(templateTitle);
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Code")).ToHaveValueAsync("needs-assessment");
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Categories")).ToHaveValueAsync(
            "identity.basic, caring.role, caring.hours, education.attendance, health.mental, cared-for.condition");
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Article9")).ToHaveValueAsync("health-or-social-care");
        await Assertions.Expect(page.Locator("#Input_RetentionDays")).ToHaveValueAsync("365");
        var purpose = template.GetProperty("purposes")[0];
        var healthWhy = purpose.GetProperty("justifications").GetProperty("health.mental").GetString()!;
        var health = page.Locator("#Input_Purposes_0__Justifications_health_mental_");
        await Assertions.Expect(health).ToHaveValueAsync(healthWhy);
        await Assertions.Expect(page.Locator("[data-justification]")).ToHaveCountAsync(purpose.GetProperty("dataCategories").GetArrayLength());
        // The parties are the officer's to name: only their role and the kind of organisation come from the template.
        await Assertions.Expect(page.Locator("#Input_Parties_0__OrgId")).ToHaveValueAsync("");
        await Assertions.Expect(page.Locator("#Input_Parties_0__Role")).ToHaveValueAsync("provider");
        await Assertions.Expect(page.Locator("#Input_Parties_1__Role")).ToHaveValueAsync("recipient");
        await Assertions.Expect(page.Locator("#Input_Parties_1__Kind-hint")).ToHaveTextAsync("The template expects: Local authority children's services");
        await page.AccessibleAsync("ig-officer-draft-from-template");

        await page.Locator("#Input_Parties_0__OrgId").FillAsync(school);
        await page.Locator("#Input_Parties_0__Name").FillAsync("Riverside School");
        await page.Locator("#Input_Parties_1__OrgId").FillAsync(org);
        await page.Locator("#Input_Parties_1__Name").FillAsync("County Council");
        var title = "Needs assessment " + Guid.NewGuid().ToString("N")[..6];
        await page.Locator("#Input_Title").FillAsync(title);
        const string ourWhy = "The assessment must look at the young carer's wellbeing (s.17ZB); the school's pastoral lead shares a two-line summary of how they seem, never notes or records.";
        await health.FillAsync(ourWhy);
        await page.Locator("#Input_DpiaReference").FillAsync("DPIA-2026-017");
        var starts = new DateTimeOffset(
            int.Parse(await page.Locator("#Input_EffectiveFrom_Year").InputValueAsync(), CultureInfo.InvariantCulture),
            int.Parse(await page.Locator("#Input_EffectiveFrom_Month").InputValueAsync(), CultureInfo.InvariantCulture),
            int.Parse(await page.Locator("#Input_EffectiveFrom_Day").InputValueAsync(), CultureInfo.InvariantCulture),
            0, 0, 0, TimeSpan.Zero);
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }), Agreement, title);

        await Assertions.Expect(page.Locator("#dsa-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.Locator("#dsa-template")).ToHaveTextAsync(templateTitle);
        await Assertions.Expect(page.Locator("#dsa-dpia")).ToHaveTextAsync("DPIA-2026-017");
        // No review date chosen: the registry's default, a year after the agreement starts.
        await Assertions.Expect(page.Locator("#dsa-review-by")).ToHaveTextAsync(Day(starts.AddYears(1)));
        await Assertions.Expect(page.Locator("[data-purpose='needs-assessment'] [data-justification='health.mental']")).ToHaveTextAsync(ourWhy);
        await Assertions.Expect(page.Locator("[data-purpose='needs-assessment'] [data-justification='cared-for.condition']"))
            .ToHaveTextAsync(purpose.GetProperty("justifications").GetProperty("cared-for.condition").GetString()!);
        await page.AccessibleAsync("ig-officer-dsa-from-template");

        var id = page.Url.Split('/')[^1];
        var dsa = await officer.GetJsonAsync($"/api/dsas/{id}");
        Assert.Equal(NeedsAssessment, dsa.GetProperty("templateId").GetString());
        Assert.Equal(ourWhy, dsa.GetProperty("purposes")[0].GetProperty("justifications").GetProperty("health.mental").GetString());
        Assert.Equal(school, dsa.GetProperty("parties")[0].GetProperty("orgId").GetString());

        // Amending shows the agreement's own justifications, DPIA reference and review date to change.
        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Amend" }), Agreement + "/amend", "Amend the agreement");
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Justifications_health_mental_")).ToHaveValueAsync(ourWhy);
        await Assertions.Expect(page.Locator("#Input_DpiaReference")).ToHaveValueAsync("DPIA-2026-017");
        await Assertions.Expect(page.Locator("#Input_ReviewBy_Year")).ToHaveValueAsync(starts.AddYears(1).Year.ToString(CultureInfo.InvariantCulture));
        await page.AccessibleAsync("ig-officer-amend-justifications");
    }

    [Fact]
    public async Task A_health_item_without_a_justification_is_refused_by_its_own_field_and_nothing_is_drafted_until_it_is_justified()
    {
        var org = NewOrg("LA-J");
        var title = "Wellbeing check " + Guid.NewGuid().ToString("N")[..6];
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "IgOfficer", org: org, name: "Jo Justify");
        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Draft a new agreement" }), Drafting, DraftHeading);
        await page.Locator("#Input_Title").FillAsync(title);
        await page.Locator("#Input_Parties_0__Name").FillAsync("County Council");
        await page.Locator("#Input_Parties_1__OrgId").FillAsync(NewOrg("GP-J"));
        await page.Locator("#Input_Parties_1__Name").FillAsync("Riverside Surgery");
        await page.Locator("#Input_Purposes_0__Code").FillAsync("wellbeing-check");
        await page.Locator("#Input_Purposes_0__Description").FillAsync("So your doctor knows how caring is making you feel and can help.");
        await page.Locator("#Input_Purposes_0__Categories").FillAsync("identity.basic, health.mental");
        await page.Locator("#Input_Purposes_0__Article9").SelectOptionAsync("explicit-consent");

        // A box for each kind of data as entered, without sending the form.
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Update the kinds of data in purpose 1" }), Drafting, DraftHeading);
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("[data-justification]")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByLabel("Why identity.basic is needed (optional)")).ToBeVisibleAsync();
        var health = page.GetByLabel("Why health.mental is needed", new() { Exact = true });
        await Assertions.Expect(health).ToHaveValueAsync("");

        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }), Drafting, DraftHeading);

        // The registry's refusal, keyed purposes[0].justifications[health.mental], lands by that field.
        var summaryLink = page.Locator(".govuk-error-summary a[href='#Input_Purposes_0__Justifications_health_mental_']");
        await Assertions.Expect(summaryLink).ToContainTextAsync("Health data is special category data");
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Justifications_health_mental_-error")).ToContainTextAsync("Health data is special category data");
        await Assertions.Expect(page.Locator("[data-justification='health.mental']")).ToHaveClassAsync("govuk-form-group govuk-form-group--error");
        await Assertions.Expect(page.Locator("[data-justification='identity.basic']")).ToHaveClassAsync("govuk-form-group");
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Categories")).ToHaveValueAsync("identity.basic, health.mental");
        await page.AccessibleAsync("ig-officer-draft-justification-error");
        await summaryLink.ClickAsync();
        await Assertions.Expect(health).ToBeFocusedAsync();
        using var officer = await Platform.ClientAsAsync("IgOfficer", org: org);
        Assert.Equal(0, (await officer.GetJsonAsync($"/api/dsas?orgId={org}")).GetArrayLength());

        const string why = "How the young carer feels is what the doctor needs to offer help; only a yes or no to feeling low is shared.";
        await health.FillAsync(why);
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }), Agreement, title);
        await Assertions.Expect(page.Locator("[data-justification='health.mental']")).ToHaveTextAsync(why);
        await Assertions.Expect(page.Locator("[data-justification='identity.basic']")).ToHaveTextAsync("No justification given");
        await Assertions.Expect(page.Locator("#dsa-dpia")).ToHaveTextAsync("None recorded");
        await page.AccessibleAsync("ig-officer-dsa-justified");
        Assert.Equal(1, (await officer.GetJsonAsync($"/api/dsas?orgId={org}")).GetArrayLength());
    }

    [Fact]
    public async Task IG_officers_home_page_lists_their_organisations_agreements_due_for_review_with_the_date_overdue_first_and_not_one_a_year_away()
    {
        var org = NewOrg("LA-R");
        var now = DateTimeOffset.UtcNow;
        using var officer = await Platform.ClientAsAsync("IgOfficer", org: org);
        var soon = "Review soon " + Guid.NewGuid().ToString("N")[..6];
        var overdue = "Review overdue " + Guid.NewGuid().ToString("N")[..6];
        var later = "Review next year " + Guid.NewGuid().ToString("N")[..6];
        var soonBy = now.AddDays(10);
        var overdueBy = now.AddDays(-5);
        await DraftAsync(officer, org, soon, from: now.AddDays(-1), reviewBy: soonBy);
        await DraftAsync(officer, org, overdue, from: now.AddDays(-400), reviewBy: overdueBy);
        await DraftAsync(officer, org, later, from: now.AddDays(-1), reviewBy: null);

        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "IgOfficer", org: org, name: "Rae Review");
        var due = page.Locator("#due-for-review li");
        await Assertions.Expect(due).ToHaveCountAsync(2);
        await Assertions.Expect(due.Nth(0)).ToHaveTextAsync($"{overdue}: review was due by {Day(overdueBy)} Overdue");
        await Assertions.Expect(due.Nth(1)).ToHaveTextAsync($"{soon}: review by {Day(soonBy)}");
        await Assertions.Expect(page.Locator("#due-for-review")).Not.ToContainTextAsync(later);
        // Beside what waits for the organisation's signature: all three drafts do.
        await Assertions.Expect(page.Locator("#awaiting-my-signature li")).ToHaveCountAsync(3);
        await page.AccessibleAsync("ig-officer-due-for-review");

        await page.ClickToAsync(due.Nth(1).GetByRole(AriaRole.Link), Agreement, soon);
        await Assertions.Expect(page.Locator("#dsa-review-by")).ToHaveTextAsync(Day(soonBy));
    }

    private static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static async Task DraftAsync(HttpClient officer, string org, string title, DateTimeOffset from, DateTimeOffset? reviewBy)
    {
        using var drafted = await officer.PostAsJsonAsync("/api/dsas", new
        {
            title,
            parties = new object[]
            {
                new { orgId = org, name = "County Council", role = "both" },
                new { orgId = Story.School, name = "Riverside School", role = "both" },
            },
            purposes = new object[]
            {
                new
                {
                    code = "school-support",
                    description = "So your school can give you extra time and support when caring gets heavy.",
                    dataCategories = new[] { "identity.basic", "caring.role" },
                    lawfulBasis = new { article6 = "consent" },
                    requiresConsent = true,
                },
            },
            effectiveFrom = from,
            effectiveTo = DateTimeOffset.UtcNow.AddYears(1),
            retentionDays = 90,
            reviewBy,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
    }
}
