namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// "Who can see what about me": for each reason the young carer said yes to, the organisations by
/// name, each kind of information in plain words, how long it is kept, why the law allows it and
/// how often it was used, from the consent's live explanation; with pause, resume and stop. Open
/// proposals (a practitioner asking) are listed first, each linking to its own question page.
/// </summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<Explained> Live { get; private set; } = [];

    public IReadOnlyList<ConsentResponse> Proposals { get; private set; } = [];

    public IReadOnlyList<ConsentResponse> Ended { get; private set; } = [];

    /// <summary>This sign-in acts for no young carer yet: the page points to "Link my sign-in".</summary>
    public bool NotLinked { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPauseAsync(Guid consentId) => await ChangeAsync(consentId, "pause", "You have paused sharing. Nothing new will be shared for this until you turn it back on.");

    public async Task<IActionResult> OnPostResumeAsync(Guid consentId) => await ChangeAsync(consentId, "resume", "You have turned sharing back on.");

    /// <summary>Issue 20: the young person keeps, as their own, what a parent or guardian said yes to for them.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid consentId) => await ChangeAsync(consentId, "confirm", "Thank you. This is now your own yes. You can still pause it or stop it at any time.");

    private async Task<IActionResult> ChangeAsync(Guid consentId, string action, string done)
    {
        var result = await Api.PostAsync<ConsentResponse>($"/api/consents/{consentId}/{action}", new { });
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            return await PageAgainAsync(LoadAsync);
        }

        Done = done;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var consents = await Api.GetAsync<List<ConsentResponse>>("/api/consents");
        if (!consents.Ok)
        {
            // Signed in, but the sign-in is not linked to a young carer yet (issue 18): say what to do, not an error.
            if (consents.Problem!.Status == StatusCodes.Status403Forbidden) NotLinked = true;
            else ShowProblem(consents.Problem);
            return;
        }

        Live = await Explained.AllAsync(Api, consents.Value!.Where(c => c.Status is ConsentStatus.Active or ConsentStatus.Paused));
        Proposals = [.. consents.Value!.Where(c => c.Status is ConsentStatus.Proposed).OrderBy(c => c.ProposedAt ?? c.GrantedAt)];
        Ended = [.. consents.Value!.Where(c => c.Status is not (ConsentStatus.Active or ConsentStatus.Paused or ConsentStatus.Proposed))];
    }
}
