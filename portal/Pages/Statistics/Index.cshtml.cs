namespace ConsentPlatform.Portal.Pages.Statistics;

/// <summary>
/// Statistics for analysts and auditors (issue 22): a finished period's tables, each with a chart
/// drawn on the server from the same published figures (rounded, or "c"), never the raw counts;
/// and decisions by purpose over the last 12 months.
/// </summary>
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Period { get; set; }

    public StatisticsResponse? Stats { get; private set; }

    /// <summary>The last 12 finished months, oldest first, each with its figures (null where the API refused).</summary>
    public IReadOnlyList<(string Month, StatisticsResponse? Stats)> Year { get; private set; } = [];

    /// <summary>The periods offered: the finished months, quarters, financial and academic years nearest to now.</summary>
    public IReadOnlyList<(string Code, string Text)> Periods { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Periods = RecentPeriods(Now);
        Period ??= Periods[0].Code;
        var stats = await Api.GetAsync<StatisticsResponse>("/api/stats/" + Uri.EscapeDataString(Period));
        if (!stats.Ok) ShowProblem(stats.Problem!);
        else Stats = stats.Value;

        var months = Periods.Where(p => p.Code.Length == 7 && p.Code[4] == '-' && p.Code[5] != 'Q').Select(p => p.Code).Reverse().ToList();
        var year = new List<(string, StatisticsResponse?)>();
        foreach (var month in months)
        {
            var figures = await Api.GetAsync<StatisticsResponse>("/api/stats/" + month);
            year.Add((month, figures.Ok ? figures.Value : null));
        }

        Year = year;
    }

    /// <summary>Finished periods, the latest first: 12 months, 4 quarters, 2 financial and 2 academic years.</summary>
    public static IReadOnlyList<(string Code, string Text)> RecentPeriods(DateTimeOffset now)
    {
        var thisMonth = new DateTimeOffset(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var periods = new List<(string, string)>();
        for (var i = 1; i <= 12; i++)
        {
            var month = thisMonth.AddMonths(-i);
            periods.Add((month.ToString("yyyy-MM", CultureInfo.InvariantCulture), month.ToString("MMMM yyyy", CultureInfo.InvariantCulture)));
        }

        var quarterStart = thisMonth.AddMonths(-((thisMonth.Month - 1) % 3));
        for (var i = 1; i <= 4; i++)
        {
            var q = quarterStart.AddMonths(-3 * i);
            var n = ((q.Month - 1) / 3) + 1;
            periods.Add((string.Create(CultureInfo.InvariantCulture, $"{q.Year}-Q{n}"), string.Create(CultureInfo.InvariantCulture, $"{q.ToString("MMMM", CultureInfo.InvariantCulture)} to {q.AddMonths(2).ToString("MMMM yyyy", CultureInfo.InvariantCulture)} (Q{n})")));
        }

        foreach (var (prefix, firstMonth, name) in new[] { ("FY", 4, "Financial year"), ("AY", 9, "Academic year") })
        {
            // The latest year of this kind that has ended.
            var end = new DateTimeOffset(thisMonth.Month >= firstMonth ? thisMonth.Year : thisMonth.Year - 1, firstMonth, 1, 0, 0, 0, TimeSpan.Zero);
            for (var i = 0; i < 2; i++)
            {
                var first = end.Year - 1 - i;
                periods.Add((string.Create(CultureInfo.InvariantCulture, $"{prefix}{first}-{(first + 1) % 100:00}"), string.Create(CultureInfo.InvariantCulture, $"{name} {first} to {first + 1}")));
            }
        }

        return periods;
    }
}
