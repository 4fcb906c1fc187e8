namespace ConsentPlatform.Portal.Pages.Auditor;

/// <summary>One decision as recorded beside the decision replayed from the ledger alone.</summary>
public sealed class ReplayModel : PortalPage
{
    public ReplayResponse? Replay { get; private set; }

    public async Task OnGetAsync(Guid id)
    {
        var replay = await Api.GetAsync<ReplayResponse>($"/api/audit/disclosures/{id}/replay");
        if (!replay.Ok) ShowProblem(replay.Problem!);
        else Replay = replay.Value;
    }
}
