using ConsentPlatform.Portal.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace ConsentPlatform.Portal.Tests;

/// <summary>The young carer's own pages: who can see what, pause, resume, withdraw (with a confirmation).</summary>
public sealed class YoungCarerTests(PortalPlatform platform, BrowserFixture browser)
{
    [Fact]
    public async Task Young_carer_pauses_resumes_and_withdraws_a_consent_by_purpose_in_plain_words()
    {
        await Story.ActiveDsaAsync(platform, "Young carers: council and school (young carer page)");
        var subject = Story.NewSubject();
        var consentId = await Story.ConsentAsync(platform, subject);
        var page = await browser.NewPageAsync();

        await page.SignInAsync(platform, "YoungCarer", subjectId: subject, name: "Sam");

        Assert.Equal(platform.Url("/young-carer"), page.Url);
        var card = page.Locator($"[data-consent='{consentId}']");
        await Assertions.Expect(card).ToContainTextAsync("So your school can give you extra time and support");
        await Assertions.Expect(card).ToContainTextAsync("Sharing");
        await page.AccessibleAsync("young-carer");

        await card.GetByRole(AriaRole.Button, new() { Name = "Pause sharing" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have paused sharing");
        await Assertions.Expect(card).ToContainTextAsync("Paused");
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        Assert.Equal("paused", (await youngCarer.GetJsonAsync($"/api/consents/{consentId}")).GetProperty("status").GetString());
        await page.AccessibleAsync("young-carer-paused");

        await card.GetByRole(AriaRole.Button, new() { Name = "Turn sharing back on" }).ClickAsync();
        await Assertions.Expect(card).ToContainTextAsync("Sharing");

        await card.GetByRole(AriaRole.Link, new() { Name = "Stop sharing for good" }).ClickAsync();
        await page.AccessibleAsync("young-carer-withdraw");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.Locator("#Sure-error")).ToContainTextAsync("Choose yes");
        await page.AccessibleAsync("young-carer-withdraw-error");
        await page.GetByLabel("Yes, stop sharing for good").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have stopped sharing for good");
        Assert.Equal("withdrawn", (await youngCarer.GetJsonAsync($"/api/consents/{consentId}")).GetProperty("status").GetString());
    }
}
