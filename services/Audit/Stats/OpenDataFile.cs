namespace ConsentPlatform.Audit.Stats;

/// <summary>Where the figures are for: a local authority's deployment names itself (<c>Stats:LocalAuthority:Code</c>, <c>:Name</c>); otherwise England.</summary>
public sealed record Geography(string? LocalAuthorityCode, string? LocalAuthorityName)
{
    public const string CountryCode = "E92000001";
    public const string CountryName = "England";

    public bool IsLocalAuthority => !string.IsNullOrWhiteSpace(LocalAuthorityCode);

    public static Geography From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new(configuration["Stats:LocalAuthority:Code"], configuration["Stats:LocalAuthority:Name"]);
    }
}

/// <summary>
/// A period's tables as an open-data file in the tidy layout of the DfE's explore-education-statistics
/// (one row per combination of filters, one column per indicator, "Total" for a filter not broken
/// down, <c>c</c> for suppressed and <c>z</c> for not applicable), and its metadata file; the same
/// columns for every period and every local authority, so that files stack into one national table.
/// </summary>
public static class OpenDataFile
{
    private static readonly (string Name, string Label)[] Filters =
    [
        ("purpose", "Purpose of the request"),
        ("organisation_type", "Requesting organisation type"),
        ("denial_reason", "Reason a request was denied"),
    ];

    private static readonly (string Name, string Label)[] Indicators =
    [
        ("decisions", "Requests decided"),
        ("approved", "Requests approved"),
        ("denied", "Requests denied"),
        ("denials_with_reason", "Denials giving this reason"),
        ("overrides_approved", "Safeguarding overrides approved"),
        ("override_reviews", "Override reviews"),
        ("reviews_upheld", "Override reviews: upheld"),
        ("reviews_not_upheld", "Override reviews: not upheld"),
    ];

    public static IReadOnlyList<string> Header(Geography geography)
    {
        ArgumentNullException.ThrowIfNull(geography);
        return
        [
            "time_period", "time_identifier", "geographic_level", "country_code", "country_name",
            .. geography.IsLocalAuthority ? new[] { "new_la_code", "la_name" } : [],
            .. Filters.Select(f => f.Name), .. Indicators.Select(i => i.Name),
        ];
    }

    public static string Data(ReportingPeriod period, Geography geography, IReadOnlyList<StatisticsTable> tables)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(geography);
        ArgumentNullException.ThrowIfNull(tables);
        var byId = tables.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var purposes = byId[PeriodTables.OutcomesByPurpose].Rows;
        var types = byId[PeriodTables.OutcomesByOrganisationType].Rows;
        var reasons = byId[PeriodTables.DenialsByReason].Rows;
        var overrides = byId[PeriodTables.Overrides].Rows.Select(r => r.Values[0]).ToArray();
        const string z = DisclosureRules.NotApplicable;
        string[] none = [z, z, z];

        var csv = new StringBuilder();
        Line(csv, Header(geography));
        var place = new List<string> { period.TimePeriod, period.TimeIdentifier, geography.IsLocalAuthority ? "Local authority" : "National", Geography.CountryCode, Geography.CountryName };
        if (geography.IsLocalAuthority) place.AddRange([geography.LocalAuthorityCode!, geography.LocalAuthorityName ?? ""]);
        void Row(string purpose, string type, string reason, IReadOnlyList<string> outcomes, string withReason, IReadOnlyList<string> overrideFigures) =>
            Line(csv, [.. place, purpose, type, reason, .. outcomes, withReason, .. overrideFigures]);

        // The period's totals; then each breakdown, one filter at a time (the tables publish no cross of two).
        Row(PeriodTables.Total, PeriodTables.Total, PeriodTables.Total, purposes[^1].Values, reasons[^1].Values[0], [overrides[0], overrides[3], overrides[1], overrides[2]]);
        foreach (var row in purposes.SkipLast(1)) Row(row.Label, PeriodTables.Total, PeriodTables.Total, row.Values, z, [z, z, z, z]);
        foreach (var row in types.SkipLast(1)) Row(PeriodTables.Total, row.Label, PeriodTables.Total, row.Values, z, [z, z, z, z]);
        foreach (var row in reasons.SkipLast(1)) Row(PeriodTables.Total, PeriodTables.Total, row.Label, none, row.Values[0], [z, z, z, z]);
        return csv.ToString();
    }

    /// <summary>The metadata file explore-education-statistics reads beside a data file: one row per filter and indicator.</summary>
    public static string Metadata()
    {
        var csv = new StringBuilder();
        Line(csv, ["col_name", "col_type", "label", "indicator_grouping", "indicator_unit", "indicator_dp", "filter_hint", "filter_grouping_column"]);
        foreach (var (name, label) in Filters) Line(csv, [name, "Filter", label, "", "", "", "", ""]);
        foreach (var (name, label) in Indicators) Line(csv, [name, "Indicator", label, "", "", "0", "", ""]);
        return csv.ToString();
    }

    private static void Line(StringBuilder csv, IEnumerable<string> values)
    {
        csv.AppendJoin(',', values.Select(Quote));
        csv.Append("\r\n");
    }

    // RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled.
    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
