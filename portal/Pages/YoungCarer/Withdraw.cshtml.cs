namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>Stopping sharing for good asks first: withdrawn is final.</summary>
public sealed class WithdrawModel : PortalPage
{
    public ConsentResponse? Consent { get; private set; }

    public string Words { get; private set; } = "";

    [BindProperty]
    public string? Sure { get; set; }

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (Sure is not ("yes" or "no")) ModelState.AddModelError(nameof(Sure), "Choose yes if you want to stop sharing for good, or no to keep it");
        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        if (Sure == "no") return LocalRedirect("/young-carer");
        var result = await Api.PostAsync<ConsentResponse>($"/api/consents/{id}/withdraw", new { });
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            await LoadAsync(id);
            return Page();
        }

        Done = "You have stopped sharing for good. If you change your mind, talk to your support worker.";
        return LocalRedirect("/young-carer");
    }

    private async Task<bool> LoadAsync(Guid id)
    {
        var consent = await Api.GetAsync<ConsentResponse>($"/api/consents/{id}");
        if (!consent.Ok)
        {
            ShowProblem(consent.Problem!);
            return false;
        }

        Consent = consent.Value;
        Words = (await Explained.OneAsync(Api, Consent!)).Why;
        return true;
    }
}
