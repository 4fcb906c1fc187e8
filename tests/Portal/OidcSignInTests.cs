namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// Issue 18, part 3, in the browser: people sign in to the portal the production way, through the
/// authorization-code flow with PKCE at their organisation's identity provider (a real OpenID Certified
/// provider on loopback, <see cref="OidcPortalPlatform"/>), and the portal shows them as the platform maps
/// their tenant, not as their token claims. A role the platform does not allow their organisation cannot
/// sign in. Sign-out ends the session at the portal and at the provider; an expired token ends the session.
/// </summary>
public sealed class OidcSignInTests(OidcPortalPlatform platform, BrowserFixture browser) : BrowserTest<OidcPortalPlatform>(platform, browser), IClassFixture<OidcPortalPlatform>
{
    [Fact]
    public async Task A_staff_member_signs_in_with_the_code_flow_acts_for_the_mapped_organisation_signs_out_and_an_expired_session_asks_to_sign_in_again()
    {
        var page = await Browser.NewPageAsync();
        var authorizeRequests = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.StartsWith(Platform.Provider.IssuerOf(TestTenants.School) + "/auth?", StringComparison.Ordinal)) authorizeRequests.Add(request.Url);
        };

        // Signed out: straight to the organisation's identity provider, with the code flow and PKCE.
        await page.GotoAsync(Platform.Url("/practitioner"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sign in to {TestTenants.School}");
        Assert.StartsWith(Platform.Provider.IssuerOf(TestTenants.School), page.Url, StringComparison.Ordinal);
        var authorize = Assert.Single(authorizeRequests);
        Assert.Contains("response_type=code", authorize, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize, StringComparison.Ordinal);

        await page.GetByLabel("Account").FillAsync("pat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/practitioner"), Patient);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Requests and consents");
        var signedInAt = DateTimeOffset.UtcNow;
        // The token claimed the council's code; the platform maps the school's tenant to the school.
        var header = await page.Locator(".portal-account__who").InnerTextAsync();
        Assert.Contains(TestTenants.SchoolOrg, header, StringComparison.Ordinal);
        Assert.DoesNotContain("LA-NOT-MINE", header, StringComparison.Ordinal);
        await page.AccessibleAsync("oidc-signed-in");

        // Signing out ends the portal's session and the provider's.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.StartsWith(Platform.Url("/sign-in"), StringComparison.Ordinal) && url.Contains("signedOut=true", StringComparison.Ordinal), Patient);
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("You have signed out.");
        await page.AccessibleAsync("oidc-signed-out");
        await page.GotoAsync(Platform.Url("/practitioner"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sign in to {TestTenants.School}");

        // Signed in again; once the access token has expired, the next page asks to sign in again.
        await page.GetByLabel("Account").FillAsync("pat");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/practitioner"), Patient);
        signedInAt = DateTimeOffset.UtcNow;
        var expired = signedInAt + OidcPortalPlatform.TokenLifetime + TimeSpan.FromSeconds(2) - DateTimeOffset.UtcNow;
        if (expired > TimeSpan.Zero) await Task.Delay(expired, TestContext.Current.CancellationToken);
        await page.GotoAsync(Platform.Url("/practitioner"));
        await page.WaitForURLAsync(url => url.Contains("/sign-in", StringComparison.Ordinal) && url.Contains("expired=true", StringComparison.Ordinal), Patient);
        await Assertions.Expect(page.Locator(".govuk-inset-text")).ToContainTextAsync("Your session ended");
    }

    [Fact]
    public async Task A_role_the_platform_does_not_allow_the_organisation_cannot_sign_in_to_the_portal()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Platform.Url("/auditor"));
        await page.GetByLabel("Account").FillAsync("aud");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await page.WaitForURLAsync(url => url.Contains("/error/403", StringComparison.Ordinal), Patient);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot see this page");
        Assert.DoesNotContain("cp-portal", (await page.Context.CookiesAsync()).Select(c => c.Name));
    }

    [Fact]
    public async Task A_young_carer_signs_in_with_their_own_account_sees_nothing_until_linked_then_their_own_consent()
    {
        var ct = TestContext.Current.CancellationToken;
        var subject = "yc-oidc-" + Guid.NewGuid().ToString("N")[..8];
        using var school = new HttpClient { BaseAddress = Platform.Gateway.BaseAddress };
        school.DefaultRequestHeaders.Authorization = new("Bearer", await Platform.Provider.SignInAsync(TestTenants.School, "pat"));
        using var recorded = await school.PostAsJsonAsync("/api/consents", new { subjectId = subject, purpose = "school-support", givenBy = "self" }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, recorded.StatusCode);
        var consentId = (await recorded.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("id").GetString();

        var page = await Browser.NewPageAsync();
        await page.GotoAsync(Platform.Url("/sign-in"));
        await page.AccessibleAsync("oidc-sign-in-choice");
        await page.Locator("#sign-in-young-carer").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Sign in to {TestTenants.Consumer}");
        await page.GetByLabel("Account").FillAsync("sam");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/young-carer"), Patient);
        // Not linked yet: the sign-in acts for nobody, and the page says how to link it.
        await Assertions.Expect(page.Locator("[data-not-linked]")).ToBeVisibleAsync();

        using var issued = await school.PostAsJsonAsync("/api/link-codes", new { subjectId = subject }, ct);
        Assert.Equal(System.Net.HttpStatusCode.Created, issued.StatusCode);
        var code = (await issued.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>(ct)).GetProperty("code").GetString()!;
        await page.GotoAsync(Platform.Url("/young-carer/sign-ins"));
        await page.GetByLabel("Your code").FillAsync(code);
        await page.GetByRole(AriaRole.Button, new() { Name = "Link my sign-in" }).ClickAsync();
        await page.WaitForURLAsync(Platform.Url("/young-carer/sign-ins"), Patient);
        await Assertions.Expect(page.Locator("[data-link]")).ToHaveCountAsync(1);

        await page.GotoAsync(Platform.Url("/young-carer"));
        await Assertions.Expect(page.Locator($"[data-consent='{consentId}']")).ToBeVisibleAsync();
        await page.AccessibleAsync("oidc-young-carer-linked");

        // Signing out goes back to the young carers' provider, not the staff one.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.Locator("#sign-out").ClickAsync();
        await page.WaitForURLAsync(url => url.Contains("signedOut=true", StringComparison.Ordinal), Patient);
    }
}
