namespace ConsentPlatform.Audit.Stats.Periods;

/// <summary>
/// A fixed reporting period, UTC: a calendar month (<c>2026-11</c>), a calendar quarter
/// (<c>2026-Q3</c>), a financial year April–March (<c>FY2025-26</c>) or an academic year
/// September–August (<c>AY2025-26</c>). Statistics exist only for these, never for an arbitrary
/// window: two windows that differ by a moment around one decision would reveal that decision.
/// <see cref="TimePeriod"/> and <see cref="TimeIdentifier"/> are the DfE explore-education-statistics
/// columns of the same name.
/// </summary>
public sealed partial record ReportingPeriod(string Code, DateTimeOffset Start, DateTimeOffset End, string TimePeriod, string TimeIdentifier)
{
    public const string Allowed =
        "a calendar month (2026-11), a calendar quarter (2026-Q3), a financial year April to March (FY2025-26) or an academic year September to August (AY2025-26), in UTC, that has ended";

    /// <summary>The period a code names, or null for anything else (a window, a date, a malformed code).</summary>
    public static ReportingPeriod? Parse(string? code)
    {
        if (code is null) return null;
        if (Month().Match(code) is { Success: true } m)
        {
            var start = Utc(Year(m), int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
            return new(code, start, start.AddMonths(1), start.ToString("yyyyMM", CultureInfo.InvariantCulture), start.ToString("MMMM", CultureInfo.InvariantCulture));
        }

        if (Quarter().Match(code) is { Success: true } q)
        {
            var quarter = q.Groups[2].Value[0] - '0';
            var start = Utc(Year(q), ((quarter - 1) * 3) + 1);
            return new(code, start, start.AddMonths(3), Year(q).ToString(CultureInfo.InvariantCulture), $"Calendar year Q{quarter}");
        }

        if (SpanningYear().Match(code) is { Success: true } y && int.Parse(y.Groups[3].Value, CultureInfo.InvariantCulture) == (int.Parse(y.Groups[2].Value, CultureInfo.InvariantCulture) + 1) % 100)
        {
            var first = int.Parse(y.Groups[2].Value, CultureInfo.InvariantCulture);
            var financial = y.Groups[1].Value == "FY";
            var start = Utc(first, financial ? 4 : 9);
            var timePeriod = string.Create(CultureInfo.InvariantCulture, $"{first}{(first + 1) % 100:00}");
            return new(code, start, start.AddYears(1), timePeriod, financial ? "Financial year" : "Academic year");
        }

        return null;
    }

    /// <summary>Whether the period is over at <paramref name="now"/>: only then are its counts final.</summary>
    public bool HasEnded(DateTimeOffset now) => End <= now;

    /// <summary>The last <paramref name="count"/> calendar months that have ended by <paramref name="now"/>, oldest first.</summary>
    public static IReadOnlyList<ReportingPeriod> LastMonths(DateTimeOffset now, int count)
    {
        var current = Utc(now.UtcDateTime.Year, now.UtcDateTime.Month);
        return [.. Enumerable.Range(1, count).Reverse().Select(i => Parse(current.AddMonths(-i).ToString("yyyy-MM", CultureInfo.InvariantCulture))!)];
    }

    private static int Year(Match match) => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

    private static DateTimeOffset Utc(int year, int month) => new(year, month, 1, 0, 0, 0, TimeSpan.Zero);

    [GeneratedRegex(@"^(20\d\d)-(0[1-9]|1[0-2])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Month();

    [GeneratedRegex(@"^(20\d\d)-Q([1-4])\z", RegexOptions.CultureInvariant)]
    private static partial Regex Quarter();

    [GeneratedRegex(@"^(FY|AY)(20\d\d)-(\d\d)\z", RegexOptions.CultureInvariant)]
    private static partial Regex SpanningYear();
}
