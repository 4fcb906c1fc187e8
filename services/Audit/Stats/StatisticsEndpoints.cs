namespace ConsentPlatform.Audit.Stats;

/// <summary>The rules the figures went through, as the API's <see cref="DisclosureControlRules"/> (declared once, in <c>services/ApiContracts</c>).</summary>
public static class DisclosureControlRulesInForce
{
    private static readonly DisclosureControlRules InForce = new(
        DisclosureRules.Threshold, DisclosureRules.RoundingBase, DisclosureRules.MinimumOrganisationsPerGroup, DisclosureRules.Suppressed, DisclosureRules.NotApplicable);

    extension(DisclosureControlRules)
    {
        public static DisclosureControlRules Current => InForce;
    }
}

/// <summary>
/// The statistics routes, for analysts and auditors (issue 22):
/// <c>GET /api/stats/{period}</c> (JSON), <c>GET /api/stats/{period}.csv</c> (the open-data file),
/// <c>GET /api/stats/{period}.meta.csv</c> (its metadata), and <c>GET /api/audit/stats?period=</c>
/// (the JSON, where it always was). Only whole reporting periods that have ended: an arbitrary
/// <c>from</c>/<c>to</c> window, an unknown code or a period still running is a 400 naming the
/// periods allowed, so two overlapping windows can never be differenced around one decision.
/// </summary>
public static class StatisticsEndpoints
{
    public const string CsvSuffix = ".csv";
    public const string MetadataSuffix = ".meta.csv";

    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Get, "/{file}", GetFileAsync, "PeriodStatistics",
            summary: "A finished period's statistics: JSON, or with .csv the open-data file, with .meta.csv its metadata",
            configure: endpoint => AnalystsAndAuditors(endpoint).Produces<StatisticsResponse>().Produces<string>(StatusCodes.Status200OK, "text/csv"));

    public static RouteGroupBuilder MapAuditStatistics(this RouteGroupBuilder group) =>
        group.MapSlice(
            HttpMethods.Get, "/stats", GetAsync, "DisclosureStats",
            summary: "A finished period's statistics (the same as /api/stats/{period})",
            configure: endpoint => AnalystsAndAuditors(endpoint));

    /// <summary>Analysts and auditors only (a policy of their two roles, not a named one).</summary>
    private static RouteHandlerBuilder AnalystsAndAuditors(RouteHandlerBuilder endpoint) =>
        endpoint.RequireAuthorization(p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Roles, PlatformRoles.Analyst, PlatformRoles.Auditor));

    public static async Task<Outcome<Ok<StatisticsResponse>, Refused.Invalid>> GetAsync(string? period, HttpRequest request, LedgerDatabase database, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (Validate(period, request, clock, out var refusal) is not { } reporting) return refusal!;
        return TypedResults.Ok(await BuildAsync(reporting, database, cancellationToken));
    }

    public static async Task<Outcome<Results<Ok<StatisticsResponse>, ContentHttpResult>, Refused.Invalid>> GetFileAsync(
        string file, HttpRequest request, LedgerDatabase database, TimeProvider clock, IConfiguration configuration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(request);
        var (code, suffix) = file.EndsWith(MetadataSuffix, StringComparison.Ordinal) ? (file[..^MetadataSuffix.Length], MetadataSuffix)
            : file.EndsWith(CsvSuffix, StringComparison.Ordinal) ? (file[..^CsvSuffix.Length], CsvSuffix)
            : (file, "");
        if (Validate(code, request, clock, out var refusal) is not { } period) return refusal!;
        if (suffix == MetadataSuffix) return (Results<Ok<StatisticsResponse>, ContentHttpResult>)TypedResults.Text(OpenDataFile.Metadata(), "text/csv; charset=utf-8");

        var statistics = await BuildAsync(period, database, cancellationToken);
        return suffix == CsvSuffix
            ? (Results<Ok<StatisticsResponse>, ContentHttpResult>)TypedResults.Text(OpenDataFile.Data(period, Geography.From(configuration), statistics.Tables), "text/csv; charset=utf-8")
            : (Results<Ok<StatisticsResponse>, ContentHttpResult>)TypedResults.Ok(statistics);
    }

    private static async Task<StatisticsResponse> BuildAsync(ReportingPeriod period, LedgerDatabase database, CancellationToken cancellationToken)
    {
        var counts = await PeriodLedger.CountAsync(database, period, cancellationToken);
        return new(period.Code, period.Start, period.End, period.TimePeriod, period.TimeIdentifier, DisclosureControlRules.Current, PeriodTables.Build(counts));
    }

    /// <summary>The period asked for, if it is a whole reporting period that has ended; otherwise null and a 400 naming the allowed ones (never repeating what was sent).</summary>
    private static ReportingPeriod? Validate(string? code, HttpRequest request, TimeProvider clock, out Refusal? refusal)
    {
        var window = request.Query.ContainsKey("from") || request.Query.ContainsKey("to");
        var period = ReportingPeriod.Parse(code);
        refusal = new FieldErrors()
            .That(!window, "from", $"Statistics are for whole reporting periods only, not windows: ask for {ReportingPeriod.Allowed}.")
            .That(period is not null, "period", $"The period must be {ReportingPeriod.Allowed}.")
            .That(period is null || period.HasEnded(clock.GetUtcNow()), "period", $"The period has not ended yet: its figures are not final. Ask for {ReportingPeriod.Allowed}.")
            .Refusal;
        return refusal is null ? period : null;
    }
}
