namespace ConsentPlatform.Portal.Tests;

/// <summary>No page works signed out; the sign-in form is validated on the server, the GOV.UK way.</summary>
public sealed class SignInTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task Signed_out_visitor_is_sent_to_sign_in_and_an_empty_form_shows_the_error_summary_and_field_message()
    {
        var page = await Browser.NewPageAsync();

        await page.OpenAsync(Platform, "/young-carer", "Sign in", arrivesAt: "/sign-in");
        Assert.StartsWith(Platform.Url("/sign-in"), page.Url, StringComparison.Ordinal);
        await page.AccessibleAsync("sign-in");

        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), "/sign-in", "Sign in");

        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToContainTextAsync("There is a problem");
        await Assertions.Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Select who you are" })).ToHaveAttributeAsync("href", "#Input_Role");
        await Assertions.Expect(page.Locator("#Input_Role-error")).ToContainTextAsync("Select who you are");
        Assert.StartsWith("Error:", await page.TitleAsync(), StringComparison.Ordinal);
        await page.AccessibleAsync("sign-in-errors");
    }

    [Fact]
    public async Task A_practitioner_without_an_organisation_code_is_asked_for_one_and_a_young_carer_cannot_open_the_auditor_pages()
    {
        var page = await Browser.NewPageAsync();
        await page.FillSignInAsync(Platform, "Practitioner");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }), "/sign-in", "Sign in");
        await Assertions.Expect(page.Locator("#Input_Org-error")).ToContainTextAsync("Enter your organisation code");

        await page.SignInAsync(Platform, "YoungCarer", subjectId: Story.NewSubject(), name: "Sam");
        var response = await page.OpenAsync(Platform, "/auditor", "You cannot see this page", arrivesAt: "/error/403");
        Assert.Equal((int)HttpStatusCode.Forbidden, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("You cannot see this page");
    }

    [Fact]
    public async Task A_form_posted_without_the_anti_forgery_token_is_refused_and_nobody_is_signed_in()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Role"] = "Auditor" });

        using var response = await client.PostAsync(new Uri(Platform.Url("/sign-in")), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("cp-portal=", StringComparison.Ordinal)));
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Sorry, there is a problem with that request", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
    }
}
