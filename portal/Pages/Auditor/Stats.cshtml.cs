using System.Globalization;
using System.Text.Json;
using ConsentPlatform.Portal.Api;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Portal.Pages.Auditor;

/// <summary>Numbers without names: counts by purpose, organisation and reason, small numbers shown as "&lt;5".</summary>
public sealed class StatsModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    public Statistics? Stats { get; private set; }

    public async Task OnGetAsync()
    {
        var from = ReadDate(From, nameof(From), "the first day", required: false);
        var to = ReadDate(To, nameof(To), "the last day", required: false);
        if (from is not null && to is not null && to < from) ModelState.AddModelError("To.Day", "The last day must be on or after the first day");
        if (!ModelState.IsValid) return;
        var query = new List<string>();
        if (from is not null) query.Add("from=" + Uri.EscapeDataString(from.Value.ToString("O", CultureInfo.InvariantCulture)));
        if (to is not null) query.Add("to=" + Uri.EscapeDataString(to.Value.AddDays(1).ToString("O", CultureInfo.InvariantCulture)));
        var stats = await Api.GetAsync<Statistics>("/api/audit/stats" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (!stats.Ok) ShowProblem(stats.Problem!);
        else Stats = stats.Value;
    }

    /// <summary>A count as shown ("&lt;5" stays as it is), and its number for the chart (a suppressed count draws no bar).</summary>
    public static (string Text, int Value) Count(JsonElement count) =>
        count.ValueKind == JsonValueKind.Number && count.TryGetInt32(out var n) ? (n.ToString(CultureInfo.InvariantCulture), n) : (count.ToString(), 0);
}
