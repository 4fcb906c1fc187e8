namespace ConsentPlatform.Audit.Tests.Stats;

/// <summary>Fixed reporting periods, UTC: months, calendar quarters, financial (April) and academic (September) years.</summary>
public sealed class ReportingPeriodTests
{
    [Theory]
    [InlineData("2026-11", "2026-11-01", "2026-12-01", "202611", "November")]
    [InlineData("2026-12", "2026-12-01", "2027-01-01", "202612", "December")]
    [InlineData("2026-Q3", "2026-07-01", "2026-10-01", "2026", "Calendar year Q3")]
    [InlineData("FY2025-26", "2025-04-01", "2026-04-01", "202526", "Financial year")]
    [InlineData("AY2025-26", "2025-09-01", "2026-09-01", "202526", "Academic year")]
    [InlineData("FY2099-00", "2099-04-01", "2100-04-01", "209900", "Financial year")]
    public void A_period_code_names_its_whole_utc_period(string code, string start, string end, string timePeriod, string identifier)
    {
        var period = ReportingPeriod.Parse(code)!;

        Assert.Equal(DateTimeOffset.Parse(start + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), period.Start);
        Assert.Equal(DateTimeOffset.Parse(end + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), period.End);
        Assert.Equal(timePeriod, period.TimePeriod);
        Assert.Equal(identifier, period.TimeIdentifier);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-Q5")]
    [InlineData("FY2025-27")]
    [InlineData("AY2025")]
    [InlineData("2026-11-01")]
    [InlineData("2026-11-01T00:00:00Z/2026-11-02T00:00:00Z")]
    [InlineData("2026-11\n")]
    [InlineData("")]
    public void Anything_else_is_no_period(string code) => Assert.Null(ReportingPeriod.Parse(code));

    [Fact]
    public void A_period_has_ended_only_from_its_end_on()
    {
        var november = ReportingPeriod.Parse("2026-11")!;

        Assert.False(november.HasEnded(new DateTimeOffset(2026, 11, 30, 23, 59, 59, TimeSpan.Zero)));
        Assert.True(november.HasEnded(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_last_twelve_months_are_the_ended_ones_oldest_first()
    {
        var months = ReportingPeriod.LastMonths(new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero), 12);

        Assert.Equal("2025-12", months[0].Code);
        Assert.Equal("2026-11", months[^1].Code);
        Assert.Equal(12, months.Count);
    }
}
