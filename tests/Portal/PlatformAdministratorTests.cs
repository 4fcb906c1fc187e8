namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// Issue 18 in the portal: a platform administrator sees every tenant the platform accepts sign-ins
/// from (the configuration's, not changeable here, and the registry's), onboards a school's tenant
/// (a refused mapping shows the registry's error by its field), and offboards it with a reason.
/// Every page is checked with axe.
/// </summary>
public sealed class PlatformAdministratorTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task An_administrator_onboards_a_schools_tenant_and_offboards_it_and_a_young_carer_role_for_staff_is_refused_by_its_field()
    {
        var tenantId = "tenant-portal-" + Guid.NewGuid().ToString("N")[..8];
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "PlatformAdministrator", name: "Olu Operator");

        var configured = page.Locator($"#tenants tr[data-tenant='{TestTenants.School}']");
        await Assertions.Expect(configured).ToContainTextAsync(TestTenants.SchoolOrg);
        await Assertions.Expect(configured).ToContainTextAsync("Configuration");
        await page.AccessibleAsync("admin-tenants");

        await page.GetByLabel("Tenant ID").FillAsync(tenantId);
        await page.GetByLabel("Name", new() { Exact = true }).FillAsync("Hillside School");
        await page.GetByLabel("Organisation codes its staff act for").FillAsync("URN-HILLSIDE");
        await page.GetByLabel("Young carer").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the organisation" }), "/admin/tenants", "Organisations that can sign in");
        await Assertions.Expect(page.Locator("#Roles-error")).ToContainTextAsync("consumer tenant");
        await page.AccessibleAsync("admin-tenants-errors");

        await page.GetByLabel("Young carer").UncheckAsync();
        await page.GetByLabel("Practitioner").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Save the organisation" }), "/admin/tenants", "Organisations that can sign in");
        var onboarded = page.Locator($"#tenants tr[data-tenant='{tenantId}']");
        await Assertions.Expect(onboarded).ToContainTextAsync("URN-HILLSIDE");
        await Assertions.Expect(onboarded).ToContainTextAsync("Practitioner");
        // What the page did is what the registry holds.
        using var admin = await Platform.ClientAsAsync("PlatformAdministrator", name: "check");
        var mapped = await OrgIdsOfAsync(admin, tenantId);
        Assert.NotNull(mapped);
        Assert.Equal(["URN-HILLSIDE"], mapped);

        await page.ClickToAsync(onboarded.GetByRole(AriaRole.Link, new() { Name = "Offboard Hillside School" }), "/admin/tenants/*/offboard", "Offboard an organisation");
        await page.AccessibleAsync("admin-offboard");
        await page.GetByLabel("Why").FillAsync("The school left the partnership.");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Offboard" }), "/admin/tenants", "Organisations that can sign in");
        await Assertions.Expect(page.Locator($"#tenants tr[data-tenant='{tenantId}']")).ToHaveCountAsync(0);
        Assert.Null(await OrgIdsOfAsync(admin, tenantId));
    }

    /// <summary>The organisation codes the registry maps the tenant to, or null when it is not onboarded.</summary>
    private static async Task<string[]?> OrgIdsOfAsync(HttpClient admin, string tenantId)
    {
        var registry = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>(new Uri("/api/tenants", UriKind.Relative), TestContext.Current.CancellationToken);
        return registry.GetProperty("tenants").EnumerateArray()
            .Where(t => t.GetProperty("tenantId").GetString() == tenantId)
            .Select(t => t.GetProperty("orgIds").EnumerateArray().Select(o => o.GetString()!).ToArray())
            .FirstOrDefault();
    }
}
