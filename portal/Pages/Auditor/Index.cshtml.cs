namespace ConsentPlatform.Portal.Pages.Auditor;

/// <summary>The ledger, filtered and keyset-paged as the audit API pages it (<c>after</c> = last sequence seen).</summary>
public sealed class IndexModel : PortalPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? OrgId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Purpose { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateInput From { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public DateInput To { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public long? After { get; set; }

    public IReadOnlyList<EntryResponse> Entries { get; private set; } = [];

    public long? NextAfter { get; private set; }

    public async Task OnGetAsync()
    {
        var query = new List<string> { "limit=" + PageSize.ToString(CultureInfo.InvariantCulture) };
        SubjectId = Blank(SubjectId);
        OrgId = Blank(OrgId);
        Purpose = Blank(Purpose);
        if (SubjectId is not null && !IsIdentifier(SubjectId)) ModelState.AddModelError(nameof(SubjectId), "Ledger id must be 1 to 64 letters, numbers or hyphens");
        if (OrgId is not null && !IsIdentifier(OrgId)) ModelState.AddModelError(nameof(OrgId), "Organisation code must be 1 to 64 letters, numbers or hyphens");
        if (Purpose is not null && !IsCode(Purpose)) ModelState.AddModelError(nameof(Purpose), "Purpose must be lower-case letters, numbers and hyphens");
        var from = ReadDate(From, nameof(From), "the first day", required: false);
        var to = ReadDate(To, nameof(To), "the last day", required: false);
        if (from is not null && to is not null && to < from) ModelState.AddModelError("To.Day", "The last day must be on or after the first day");
        if (!ModelState.IsValid) return;

        if (SubjectId is not null) query.Add("subjectId=" + Uri.EscapeDataString(SubjectId));
        if (OrgId is not null) query.Add("orgId=" + Uri.EscapeDataString(OrgId));
        if (Purpose is not null) query.Add("purpose=" + Uri.EscapeDataString(Purpose));
        if (from is not null) query.Add("from=" + Uri.EscapeDataString(from.Value.ToString("O", CultureInfo.InvariantCulture)));
        if (to is not null) query.Add("to=" + Uri.EscapeDataString(to.Value.AddDays(1).ToString("O", CultureInfo.InvariantCulture)));
        if (After is not null) query.Add("after=" + After.Value.ToString(CultureInfo.InvariantCulture));
        var page = await Api.GetAsync<EntriesPage>("/api/audit/entries?" + string.Join('&', query));
        if (!page.Ok)
        {
            ShowProblem(page.Problem!);
            return;
        }

        Entries = page.Value!.Entries;
        NextAfter = page.Value.NextAfter;
    }

    /// <summary>This page's filters with another <c>after</c>, for the paging links.</summary>
    public string PageLink(long? after)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrEmpty(value)) parts.Add($"{name}={Uri.EscapeDataString(value)}");
        }

        Add(nameof(SubjectId), SubjectId);
        Add(nameof(OrgId), OrgId);
        Add(nameof(Purpose), Purpose);
        Add("From.Day", From.Day);
        Add("From.Month", From.Month);
        Add("From.Year", From.Year);
        Add("To.Day", To.Day);
        Add("To.Month", To.Month);
        Add("To.Year", To.Year);
        Add(nameof(After), after?.ToString(CultureInfo.InvariantCulture));
        return "/auditor" + (parts.Count > 0 ? "?" + string.Join('&', parts) : "");
    }

    /// <summary>The disclosure an entry is about, for the replay link.</summary>
    public static string? DisclosureIdOf(EntryResponse entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Data.ValueKind == System.Text.Json.JsonValueKind.Object && entry.Data.TryGetProperty("disclosureId", out var id) ? id.ToString() : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
