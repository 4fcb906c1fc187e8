namespace ConsentPlatform.Portal.Tests;

/// <summary>
/// Issue 22: the statistics page, for analysts (who see nothing else) and auditors: each table
/// beside a bar chart drawn on the server as SVG, the chart's numbers exactly the table's; axe passes.
/// </summary>
public sealed class StatisticsTests(PortalPlatform platform, BrowserFixture browser) : BrowserTest(platform, browser)
{
    [Fact]
    public async Task An_analyst_lands_on_the_statistics_whose_charts_show_the_tables_numbers_and_cannot_open_the_ledger()
    {
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "Analyst", name: "Ana Analyst");
        Assert.StartsWith(Platform.Url("/statistics"), page.Url, StringComparison.Ordinal);

        // Drawn on the server: the SVG is in the HTML as sent, before any script could run.
        var response = await page.OpenAsync(Platform, "/statistics?period=FY2024-25", "Statistics");
        var html = await response!.TextAsync();
        Assert.Contains("<svg role=\"img\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script src=\"http", html, StringComparison.Ordinal);
        await Assertions.Expect(page.Locator("#period-heading")).ToContainTextAsync("FY2024-25");

        var charts = page.Locator("[data-chart]");
        Assert.Equal(5, await charts.CountAsync());
        var bars = 0;
        for (var i = 0; i < await charts.CountAsync(); i++)
        {
            var chart = charts.Nth(i);
            var drawn = await chart.Locator("svg text[data-value]").AllTextContentsAsync();
            var tabled = await chart.Locator("td.cp-charted").AllTextContentsAsync();
            bars += drawn.Count;
            Assert.Equal(tabled.Select(t => t.Trim()), drawn.Select(t => t.Trim()));
            Assert.All(drawn, figure => Assert.True(figure is "c" or "x" || long.Parse(figure, System.Globalization.CultureInfo.InvariantCulture) % 5 == 0, figure));
        }

        // Organisation types, reasons, overrides and the 12 months are always listed, whatever the period held.
        Assert.True(bars >= 5 + 14 + 4 + 12, $"{bars} figures drawn");
        await page.AccessibleAsync("statistics");

        var refused = await page.OpenAsync(Platform, "/auditor", "You cannot see this page", arrivesAt: "/error/403");
        Assert.Equal((int)HttpStatusCode.Forbidden, refused!.Status);
    }

    [Fact]
    public async Task A_period_that_has_not_ended_is_refused_with_the_periods_allowed()
    {
        var page = await Browser.NewPageAsync();
        await page.SignInAsync(Platform, "Auditor", name: "Alex Auditor");

        var now = DateTimeOffset.UtcNow;
        await page.OpenAsync(Platform, $"/statistics?period={now:yyyy-MM}", "Statistics");

        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("has not ended");
        await page.AccessibleAsync("statistics-refused");
    }
}
