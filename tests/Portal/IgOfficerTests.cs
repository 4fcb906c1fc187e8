namespace ConsentPlatform.Portal.Tests;

/// <summary>The IG officer drafts an agreement with rows added on the server, fixes an error, signs it (the other party's signature activates it), suspends it.</summary>
public sealed class IgOfficerTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    private const string Drafting = "/ig-officer/dsas/new";
    private const string DraftHeading = "Draft a data-sharing agreement";
    private const string Agreement = "/ig-officer/dsas/*";

    [Fact]
    public async Task IG_officer_drafts_and_signs_a_DSA_that_the_other_partys_signature_activates_then_suspends_it_with_a_reason_and_compares_versions()
    {
        var title = "Carers' GP register " + Guid.NewGuid().ToString("N")[..6];
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "IgOfficer", org: Story.LocalAuthority, name: "Ines IG");
        Assert.Equal(Platform.Url("/ig-officer"), page.Url);
        await page.AccessibleAsync("ig-officer-list");

        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Draft a new agreement" }), Drafting, DraftHeading);
        await page.GetByLabel("Title").FillAsync(title);
        await page.Locator("#Input_Parties_0__Name").FillAsync("County Council");
        await page.Locator("#Input_Parties_1__OrgId").FillAsync("GP-PORTAL");
        await page.Locator("#Input_Parties_1__Name").FillAsync("Riverside Surgery");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Add another party" }), Drafting, DraftHeading);
        await Assertions.Expect(page.Locator("#Input_Parties_2__OrgId")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#Input_Parties_1__Name")).ToHaveValueAsync("Riverside Surgery");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Remove party 3" }), Drafting, DraftHeading);
        await Assertions.Expect(page.Locator("#Input_Parties_2__OrgId")).ToHaveCountAsync(0);
        await page.Locator("#Input_Purposes_0__Code").FillAsync("gp-carer-register");
        await page.Locator("#Input_Purposes_0__Description").FillAsync("Too short");
        await page.Locator("#Input_Purposes_0__Categories").FillAsync("identity.basic, caring.role");
        await page.AccessibleAsync("ig-officer-draft");

        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }), Drafting, DraftHeading);

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Describe purpose 1");
        await Assertions.Expect(page.Locator("#Input_Purposes_0__Description-error")).ToBeVisibleAsync();
        await page.AccessibleAsync("ig-officer-draft-errors");
        await page.Locator("#Input_Purposes_0__Description").FillAsync("So your doctor knows you are a carer and can look after your health too.");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save as draft" }), Agreement, title);

        await Assertions.Expect(page.Locator("#dsa-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.Locator("[data-awaiting='GP-PORTAL']")).ToHaveTextAsync("Waiting for Riverside Surgery to sign");
        await page.AccessibleAsync("ig-officer-dsa-unsigned");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1 for County Council" }), Agreement, title);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("It becomes active when every party has signed");
        await Assertions.Expect(page.Locator("#dsa-status")).ToHaveTextAsync("Draft");
        await Assertions.Expect(page.Locator("#dsa-signatures")).ToContainTextAsync("County Council signed version 1");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign version 1 for County Council" })).ToHaveCountAsync(0);

        // The surgery's own IG officer sees it waiting for their signature on their home page, and signs the same version: the last signature activates it.
        var id = page.Url.Split('/')[^1];
        var surgeryPage = await Browser.NewPageAsync();
        await surgeryPage.SignInAsync(Platform, "IgOfficer", org: "GP-PORTAL", name: "Sam Surgery");
        await Assertions.Expect(surgeryPage.Locator("#awaiting-my-signature")).ToContainTextAsync(title);
        await surgeryPage.AccessibleAsync("ig-officer-awaiting-signature");
        using var surgery = await Platform.ClientAsAsync("IgOfficer", org: "GP-PORTAL", name: "Sam Surgery");
        using var signed = await surgery.PostAsJsonAsync($"/api/dsas/{id}/sign", new { version = 1 }, TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, signed.StatusCode);
        await page.OpenAsync(Platform, $"/ig-officer/dsas/{id}", title);
        await Assertions.Expect(page.Locator("#dsa-status")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("#dsa-signatures")).ToContainTextAsync("Riverside Surgery signed version 1");
        await page.AccessibleAsync("ig-officer-dsa");

        using var practitioner = await Platform.ClientAsAsync("Practitioner", org: "GP-PORTAL");
        Assert.Equal("active", (await practitioner.GetJsonAsync($"/api/dsas/{id}")).GetProperty("status").GetString());

        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }), Agreement, title);
        await Assertions.Expect(page.Locator("#SuspendReason-error")).ToContainTextAsync("Enter why you are suspending");
        await page.GetByLabel("Why are you suspending it?").FillAsync("The surgery's data protection officer asked for a review.");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Suspend" }), Agreement, title);
        await Assertions.Expect(page.Locator("#dsa-status")).ToHaveTextAsync("Suspended");

        await page.ClickToAsync(page.GetByRole(AriaRole.Link, new() { Name = "Compare versions" }), Agreement + "/versions", "Compare versions");
        await Assertions.Expect(page.Locator("tr", new() { HasText = "Status" }).Locator(".portal-difference")).ToHaveCountAsync(2);
        await page.AccessibleAsync("ig-officer-versions");
    }
}
