using ConsentPlatform.TestSupport.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>What every page visited in a story must pass, and the artefacts it leaves.</summary>
public static class PageChecks
{
    private static readonly string[] Blocking = ["serious", "critical"];

    public static string ScreenshotFolder { get; } = Path.Combine(RepositoryRoot.Find(), "tests", "Portal", "screenshots");

    /// <summary>Runs axe on the page as it is now: no serious or critical violation, and saves a full-page screenshot.</summary>
    public static async Task AccessibleAsync(this IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var results = await page.RunAxe();
        var blocking = results.Violations.Where(v => Blocking.Contains(v.Impact)).ToList();
        Assert.True(
            blocking.Count == 0,
            $"axe found serious or critical violations on {name} ({page.Url}):\n" +
            string.Join("\n", blocking.Select(v => $"- {v.Id} ({v.Impact}): {v.Help}; {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}")));
    }

    /// <summary>Signs in through the portal's local sign-in page.</summary>
    public static async Task SignInAsync(this IPage page, PortalPlatform platform, string role, string? org = null, string? subjectId = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(platform);
        await page.GotoAsync(platform.Url("/sign-in"));
        await page.Locator($"input[name='Input.Role'][value='{role}']").CheckAsync();
        if (org is not null) await page.GetByLabel("Organisation code").FillAsync(org);
        if (subjectId is not null) await page.GetByLabel("Ledger id").FillAsync(subjectId);
        if (name is not null) await page.GetByLabel("Your name (optional)").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForLoadStateAsync();
    }
}
