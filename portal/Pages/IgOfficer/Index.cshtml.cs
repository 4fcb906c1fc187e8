using ConsentPlatform.Portal.Api;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>Every data-sharing agreement, newest first, filtered by status if asked.</summary>
public sealed class IndexModel : PortalPage
{
    public static readonly string[] Statuses = ["draft", "active", "suspended", "terminated"];

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
    }
}
