using static ConsentPlatform.Audit.IntegrationTests.Support.DisclosureStory;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// Statistics by fixed reporting period (issue 22), from ledger entries whose <c>occurredAt</c> is in
/// a past month of the test's own (the ledger keeps each event's own time): windows and unfinished
/// periods refused, a finished month stable, and one denial among many approvals hidden in every table and the export.
/// </summary>
public sealed class StatsTests(AuditFixture audit)
{
    // Each test its own month in the 2000s, far from every other test's (they use 2030 onwards).
    private static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");

    private static DateTimeOffset Start(string month) => DateTimeOffset.Parse(month + "-01T00:00:00Z", CultureInfo.InvariantCulture);

    /// <summary>A month of <paramref name="year"/> at random (January to November) and its first instant.</summary>
    private static (string Month, DateTimeOffset Start) SomeMonthOf(int year)
    {
        var month = Month(year, 1 + Random.Shared.Next(0, 11));
        return (month, Start(month));
    }

    /// <summary>The <see cref="Decisions"/>, published and ledgered.</summary>
    private async Task<IPlatformEvent[]> LedgerDecisionsAsync(Samples s, DateTimeOffset at, int approvals, int denials, int orgs)
    {
        var events = Decisions(s, at, approvals, denials, orgs).ToArray();
        await audit.LedgerAsync(events);
        return events;
    }

    [Theory]
    [InlineData("/api/audit/stats?from=2005-01-01T00:00:00Z&to=2005-01-01T00:00:01Z")]
    [InlineData("/api/audit/stats?period=2005-01&from=2005-01-01T00:00:00Z")]
    [InlineData("/api/stats/2005-01?to=2005-02-01T00:00:00Z")]
    [InlineData("/api/stats/2005-01-07")]
    [InlineData("/api/stats/2005-Q5.csv")]
    [InlineData("/api/audit/stats")]
    public async Task A_window_or_anything_but_a_reporting_period_is_refused_naming_the_periods_allowed(string uri)
    {
        using var client = audit.Host.ClientFor(PlatformRoles.Analyst);

        using var response = await client.GetAsync(new Uri(uri, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("FY2025-26", body, StringComparison.Ordinal);
        Assert.Contains("AY2025-26", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_current_period_is_refused_until_it_has_ended()
    {
        using var client = audit.Host.ClientFor(PlatformRoles.Analyst);
        var now = DateTimeOffset.UtcNow;
        var current = Month(now.Year, now.Month);
        var quarter = string.Create(CultureInfo.InvariantCulture, $"{now.Year}-Q{((now.Month - 1) / 3) + 1}");

        foreach (var uri in new[] { $"/api/stats/{current}", $"/api/stats/{current}.csv", $"/api/stats/{quarter}", $"/api/audit/stats?period={current}" })
        {
            using var response = await client.GetAsync(new Uri(uri, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("has not ended", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_analyst_may_read_statistics_but_not_the_ledger()
    {
        using var analyst = audit.Host.ClientFor(PlatformRoles.Analyst);

        foreach (var uri in new[] { "/api/audit/entries", "/api/audit/verify", $"/api/audit/disclosures/{Guid.NewGuid()}/replay", "/api/audit/export" })
        {
            using var refused = await analyst.GetAsync(new Uri(uri, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        using var stats = await analyst.GetAsync(new Uri("/api/stats/2005-02", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
    }

    [Fact]
    public async Task A_finished_month_gives_the_same_figures_before_and_after_decisions_in_the_next_month()
    {
        var (month, start) = SomeMonthOf(2003);
        var s = new Samples();
        await LedgerDecisionsAsync(s, start.AddDays(3), approvals: 23, denials: 0, orgs: 3);
        using var analyst = audit.Host.ClientFor(PlatformRoles.Analyst);
        var before = await audit.GetAsync<JsonElement>(analyst, $"/api/stats/{month}");

        await LedgerDecisionsAsync(s, start.AddMonths(1).AddMinutes(1), approvals: 7, denials: 2, orgs: 3);
        var after = await audit.GetAsync<JsonElement>(analyst, $"/api/stats/{month}");

        Assert.Equal(before.GetProperty("tables").GetRawText(), after.GetProperty("tables").GetRawText());
        var total = Row(before, "outcomes-by-purpose", "Total");
        Assert.Equal(["25", "25", "0"], total);
    }

    [Fact]
    public async Task One_denial_among_many_approvals_is_hidden_in_every_table_and_the_export()
    {
        var (month, start) = SomeMonthOf(2004);
        var s = new Samples();
        var events = await LedgerDecisionsAsync(s, start.AddDays(2), approvals: 54, denials: 1, orgs: 6);
        var orgs = events.Select(e => JsonSerializer.SerializeToElement(e, e.GetType(), Json.Options).GetProperty("requesterOrgId").GetString()!).Distinct().ToList();
        using var analyst = audit.Host.ClientFor(PlatformRoles.Analyst);

        var json = await audit.GetAsync<JsonElement>(analyst, $"/api/stats/{month}");
        var same = await audit.GetAsync<JsonElement>(analyst, $"/api/audit/stats?period={month}");
        var csv = await analyst.GetStringAsync(new Uri($"/api/stats/{month}.csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var metadata = await analyst.GetStringAsync(new Uri($"/api/stats/{month}.meta.csv", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(json.GetProperty("tables").GetRawText(), same.GetProperty("tables").GetRawText());
        foreach (var text in new[] { json.GetRawText(), csv })
        {
            Assert.DoesNotContain(s.Subject, text, StringComparison.Ordinal);
            Assert.All(orgs, org => Assert.DoesNotContain(org, text, StringComparison.Ordinal));
        }

        // The denial: its count, the type of its organisation and its reason are all "c".
        Assert.All(Table(json, "outcomes-by-organisation-type"), row => Assert.Equal("c", row[2]));
        Assert.All(Table(json, "outcomes-by-purpose"), row => Assert.Equal("c", row[2]));
        Assert.All(Table(json, "denials-by-reason"), row => Assert.Equal("c", row[0]));

        // The export: the header, every figure a multiple of 5, c, z or 0, decisions = approved + denied within rounding.
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();
        Assert.Equal(
            ["time_period", "time_identifier", "geographic_level", "country_code", "country_name", "purpose", "organisation_type", "denial_reason",
             "decisions", "approved", "denied", "denials_with_reason", "overrides_approved", "override_reviews", "reviews_upheld", "reviews_not_upheld"],
            lines[0]);
        Assert.All(lines.Skip(1), line =>
        {
            Assert.Equal(lines[0].Length, line.Length);
            Assert.Equal(start.ToString("yyyyMM", CultureInfo.InvariantCulture), line[0]);
            Assert.All(line.Skip(8), figure => Assert.True(figure is "c" or "z" || long.Parse(figure, CultureInfo.InvariantCulture) % 5 == 0, figure));
            if (line[8..11].All(f => f is not ("c" or "z")))
            {
                var (decisions, approved, denied) = (long.Parse(line[8], CultureInfo.InvariantCulture), long.Parse(line[9], CultureInfo.InvariantCulture), long.Parse(line[10], CultureInfo.InvariantCulture));
                Assert.InRange(decisions - approved - denied, -4, 4);
            }
        });
        Assert.Equal(["National", "E92000001", "England", "Total", "Total", "Total"], [lines[1][2], lines[1][3], lines[1][4], lines[1][5], lines[1][6], lines[1][7]]);
        Assert.StartsWith("col_name,col_type,label", metadata, StringComparison.Ordinal);
        Assert.Contains("denied,Indicator,", metadata, StringComparison.Ordinal);
    }

    /// <summary>Decisions for one purpose, spread round-robin over <paramref name="orgs"/> schools and local authorities, the denials at the first school.</summary>
    private static IEnumerable<IPlatformEvent> Decisions(Samples s, DateTimeOffset at, int approvals, int denials, int orgs)
    {
        var requesters = Enumerable.Range(0, orgs).Select(i => i % 2 == 0 ? $"school-{i}-{s.School}" : $"la-{i}-{s.Council}").ToArray();
        for (var i = 0; i < approvals; i++)
        {
            var story = new DisclosureStory(s);
            yield return story.Approved(Decision(ShareOutcome.Approved, at.AddMinutes(i))) with { RequesterOrgId = requesters[i % orgs] };
        }

        for (var i = 0; i < denials; i++)
        {
            var story = new DisclosureStory(s);
            yield return story.Denied(Decision(ShareOutcome.Denied, at.AddMinutes(100 + i), reasons: ReasonCode.ConsentWithdrawn)) with { RequesterOrgId = requesters[0] };
        }
    }

    private static List<string[]> Table(JsonElement statistics, string id) =>
        [.. statistics.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id)
            .GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("values").EnumerateArray().Select(v => v.GetString()!).ToArray())];

    private static string[] Row(JsonElement statistics, string id, string label) =>
        [.. statistics.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("id").GetString() == id)
            .GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("label").GetString() == label)
            .GetProperty("values").EnumerateArray().Select(v => v.GetString()!)];
}
