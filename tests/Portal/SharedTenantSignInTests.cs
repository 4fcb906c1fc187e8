namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// Issue 18, part 1, in the browser: a member of a tenant the platform maps to two GP practices signs in the
/// production way, chooses which practice they act for (only the mapping's), works for it, and changes it.
/// Every page after the choice reads the API with it (<c>X-Acting-Org</c>): without it their token acts for
/// nobody and the page would send them back to sign in.
/// </summary>
public sealed class SharedTenantSignInTests(SharedTenantPortalPlatform platform, BrowserFixture browser) : BrowserTest<SharedTenantPortalPlatform>(platform, browser), IClassFixture<SharedTenantPortalPlatform>
{
    [Fact]
    public async Task A_member_of_a_tenant_shared_by_two_practices_chooses_the_one_they_act_for_and_can_change_it()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Platform.Url("/"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sign in to {TestTenants.Trust}");
        await page.GetByLabel("Account").FillAsync("gp-none");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        // Signed in, acting for nobody yet: only the mapping's two practices to choose from.
        await page.WaitForURLAsync(Platform.Url("/organisation"), Patient);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Choose your organisation");
        await Assertions.Expect(page.Locator("input[name=Choice]")).ToHaveCountAsync(2);
        await page.AccessibleAsync("shared-tenant-choose");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-message")).ToContainTextAsync("Choose the organisation you are working for");
        // No role before the choice: a practitioner's page is not theirs yet.
        await page.GotoAsync(Platform.Url("/practitioner"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot see this page");

        await page.GotoAsync(Platform.Url("/organisation"));
        await page.GetByLabel(TestTenants.TrustOrgs[1]).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/practitioner"), Patient);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Requests and consents");
        var acting = await page.Locator(".portal-account__who").First.InnerTextAsync();
        Assert.Contains(TestTenants.TrustOrgs[1], acting, StringComparison.Ordinal);
        Assert.DoesNotContain(TestTenants.TrustOrgs[0], acting, StringComparison.Ordinal);

        // Changing it: the other practice, from the link every page shows.
        await page.GetByRole(AriaRole.Link, new() { Name = "Change organisation" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/organisation"), Patient);
        await Assertions.Expect(page.GetByLabel(TestTenants.TrustOrgs[1])).ToBeCheckedAsync();
        await page.GetByLabel(TestTenants.TrustOrgs[0]).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/practitioner"), Patient);
        await Assertions.Expect(page.Locator(".portal-account__who").First).ToContainTextAsync(TestTenants.TrustOrgs[0]);
        await page.AccessibleAsync("shared-tenant-chosen");
    }
}
