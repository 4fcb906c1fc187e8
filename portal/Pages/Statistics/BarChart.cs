namespace ConsentPlatform.Portal.Pages.Statistics;

/// <summary>One bar: its label, the figure as published (a number, or "c" for which no bar is drawn), and its geometry.</summary>
public sealed record Bar(string Label, string Shown, double Width, double Y);

/// <summary>
/// A horizontal bar chart drawn on the server as SVG (no script, no CDN): one bar per published
/// figure, the figure written beside it exactly as the table shows it. Suppressed figures draw no
/// bar, so no chart can show more than the table does.
/// </summary>
public sealed record BarChart(string Id, string Title, IReadOnlyList<Bar> Bars, double Height)
{
    public const double LabelWidth = 170;
    public const double PlotWidth = 150;
    public const double RowHeight = 26;

    public static BarChart Of(string id, string title, IEnumerable<(string Label, string Shown)> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var list = figures.ToList();
        var max = Math.Max(1, list.Select(f => Number(f.Shown) ?? 0).DefaultIfEmpty(0).Max());
        var bars = list.Select((f, i) => new Bar(f.Label, f.Shown, (Number(f.Shown) ?? 0) * PlotWidth / max, (i * RowHeight) + 4)).ToList();
        return new(id, title, bars, Math.Max(RowHeight, (bars.Count * RowHeight) + 8));
    }

    public static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static long? Number(string shown) => long.TryParse(shown, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
