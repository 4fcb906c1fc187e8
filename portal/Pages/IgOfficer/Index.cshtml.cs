namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>
/// Every data-sharing agreement, newest first, filtered by status if asked; first, side by side,
/// those waiting for this organisation's signature and those of its agreements due for review
/// (issue 17: within 30 days or overdue, <c>GET /api/dsas?orgId=&amp;reviewDue=true</c>).
/// </summary>
public sealed class IndexModel : PortalPage
{
    public static readonly string[] Statuses = [.. Enum.GetValues<DsaStatus>().Select(s => ApiWireNames.Of(s))];

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool MineOnly { get; set; }

    public IReadOnlyList<Dsa> Dsas { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = new List<string>();
        if (Status is not null && Statuses.Contains(Status)) query.Add("status=" + Status);
        if (MineOnly && Org is not null) query.Add("orgId=" + Uri.EscapeDataString(Org));
        var dsas = await Api.GetAsync<List<Dsa>>("/api/dsas" + (query.Count > 0 ? "?" + string.Join('&', query) : ""));
        if (!dsas.Ok)
        {
            ShowProblem(dsas.Problem!);
            return;
        }

        Dsas = [.. dsas.Value!.OrderByDescending(d => d.UpdatedAt)];
        if (Org is null) return;
        // Issue 17: what waits for this organisation's signature, whatever the filter shows.
        var mine = await Api.GetAsync<List<Dsa>>("/api/dsas?orgId=" + Uri.EscapeDataString(Org));
        if (mine.Ok) AwaitingMySignature = [.. mine.Value!.Where(d => d.AwaitsSignatureOf(Org)).OrderByDescending(d => d.UpdatedAt)];
        else ShowProblem(mine.Problem!);
        // Issue 17: the registry judges what is due (within 30 days, or overdue); soonest first.
        var due = await Api.GetAsync<List<Dsa>>("/api/dsas?reviewDue=true&orgId=" + Uri.EscapeDataString(Org));
        if (due.Ok) DueForReview = [.. due.Value!.OrderBy(d => d.ReviewBy)];
        else ShowProblem(due.Problem!);
        Today = Now;
    }

    /// <summary>Agreements of this officer's organisation, not terminated, whose review date is within 30 days or past, soonest first.</summary>
    public IReadOnlyList<Dsa> DueForReview { get; private set; } = [];

    /// <summary>When the page was made: a review date before it is overdue.</summary>
    public DateTimeOffset Today { get; private set; }

    /// <summary>Agreements of this officer's organisation, draft or suspended, that it has not yet signed in their current terms.</summary>
    public IReadOnlyList<Dsa> AwaitingMySignature { get; private set; } = [];
}
