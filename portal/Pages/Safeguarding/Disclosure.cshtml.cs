namespace ConsentPlatform.Portal.Pages.Safeguarding;

/// <summary>One request on a safeguarding basis: the concern, and approval with a written rationale.</summary>
public sealed class DisclosureModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public DisclosureResponse? Disclosure { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var rationale = Rationale?.Trim();
        if (string.IsNullOrEmpty(rationale)) ModelState.AddModelError(nameof(Rationale), "Enter why sharing without consent is justified");
        else if (rationale.Length < 20) ModelState.AddModelError(nameof(Rationale), "The rationale must be at least 20 characters");
        else if (rationale.Length > DisclosureTextLimits.MaxTextLength) ModelState.AddModelError(nameof(Rationale), $"The rationale must be {DisclosureTextLimits.MaxTextLength} characters or fewer");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var approved = await Api.PostAsync<DisclosureResponse>($"/api/disclosures/{Id}/approve-override", new { rationale });
        if (!approved.Ok)
        {
            ShowProblem(approved.Problem!);
            await LoadAsync();
            return Page();
        }

        Done = "Approved. The holding organisation can now release the information.";
        return LocalRedirect($"/safeguarding/disclosures/{Id}");
    }

    protected override string? FieldFor(string apiField) => apiField == "rationale" ? nameof(Rationale) : null;

    private async Task LoadAsync()
    {
        var disclosure = await Api.GetAsync<DisclosureResponse>($"/api/disclosures/{Id}");
        if (!disclosure.Ok) ShowProblem(disclosure.Problem!);
        else Disclosure = disclosure.Value;
    }
}
