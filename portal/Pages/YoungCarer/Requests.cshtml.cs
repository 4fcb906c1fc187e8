namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>"Who has asked about me": the transparency view, newest first, in plain words.</summary>
public sealed class RequestsModel : PortalPage
{
    public IReadOnlyList<TransparencyItem> Items { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var mine = await Api.GetAsync<JsonElement>("/api/me/disclosures");
        if (!mine.Ok)
        {
            ShowProblem(mine.Problem!);
            return;
        }

        Items = [.. Transparency.Items(mine.Value).OrderByDescending(i => i.RequestedAt)];
    }
}
