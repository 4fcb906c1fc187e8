using ConsentPlatform.Portal.Tests.Support;
using Microsoft.Playwright;
using Xunit;

namespace ConsentPlatform.Portal.Tests;

/// <summary>The young carer's own pages: who can see what, pause, resume, withdraw (with a confirmation).</summary>
public sealed class YoungCarerTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task Young_carer_pauses_resumes_and_withdraws_a_consent_by_purpose_in_plain_words()
    {
        await Story.ActiveDsaAsync(Platform, "Young carers: council and school (young carer page)");
        var subject = Story.NewSubject();
        var consentId = await Story.ConsentAsync(Platform, subject);
        var page = await Browser.NewPageAsync();

        await page.SignInAsync(Platform, "YoungCarer", subjectId: subject, name: "Sam");

        Assert.Equal(Platform.Url("/young-carer"), page.Url);
        var card = page.Locator($"[data-consent='{consentId}']");
        await Assertions.Expect(card).ToContainTextAsync("So your school can give you extra time and support");
        await Assertions.Expect(card).ToContainTextAsync("Sharing");
        await page.AccessibleAsync("young-carer");

        await page.ClickToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Pause sharing" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have paused sharing");
        await Assertions.Expect(card).ToContainTextAsync("Paused");
        using var youngCarer = await Platform.ClientAsAsync("YoungCarer", subjectId: subject);
        Assert.Equal("paused", (await youngCarer.GetJsonAsync($"/api/consents/{consentId}")).GetProperty("status").GetString());
        await page.AccessibleAsync("young-carer-paused");

        await page.ClickToAsync(card.GetByRole(AriaRole.Button, new() { Name = "Turn sharing back on" }), "/young-carer", "Who can see what about me");
        await Assertions.Expect(card).ToContainTextAsync("Sharing");

        await page.ClickToAsync(card.GetByRole(AriaRole.Link, new() { Name = "Stop sharing for good" }), "/young-carer/withdraw/*", "stop sharing for good");
        await page.AccessibleAsync("young-carer-withdraw");
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer/withdraw/*", "stop sharing for good");
        await Assertions.Expect(page.Locator("#Sure-error")).ToContainTextAsync("Choose yes");
        await page.AccessibleAsync("young-carer-withdraw-error");
        await page.GetByLabel("Yes, stop sharing for good").CheckAsync();
        await page.ClickToAsync(page.GetByRole(AriaRole.Button, new() { Name = "Continue" }), "/young-carer", "Who can see what about me");

        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("You have stopped sharing for good");
        Assert.Equal("withdrawn", (await youngCarer.GetJsonAsync($"/api/consents/{consentId}")).GetProperty("status").GetString());
    }
}
