namespace ConsentPlatform.Portal.Pages.Guardian;

/// <summary>One safeguarding override: what was shared, why, who approved it, any notice delay, and the guardian's review (issue 20).</summary>
public sealed class OverrideModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public DisclosureResponse? Disclosure { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        if (ApiWireNames.Parse<OverrideReviewOutcome>(Outcome) is null) ModelState.AddModelError(nameof(Outcome), "Select whether the override was justified");
        var rationale = Rationale?.Trim();
        if (string.IsNullOrEmpty(rationale)) ModelState.AddModelError(nameof(Rationale), "Enter the reasons for your finding");
        else if (rationale.Length > DisclosureTextLimits.MaxTextLength) ModelState.AddModelError(nameof(Rationale), $"The reasons must be {DisclosureTextLimits.MaxTextLength:N0} characters or fewer");
        if (!ModelState.IsValid)
        {
            await LoadAsync();
            return Page();
        }

        var reviewed = await Api.PostAsync<DisclosureResponse>($"/api/disclosures/{Id}/override-review", new { outcome = Outcome, rationale });
        if (!reviewed.Ok)
        {
            ShowProblem(reviewed.Problem!);
            await LoadAsync();
            return Page();
        }

        Done = "Your review is recorded.";
        return LocalRedirect("/guardian");
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "outcome" => nameof(Outcome),
        "rationale" => nameof(Rationale),
        _ => null,
    };

    private async Task LoadAsync()
    {
        var disclosure = await Api.GetAsync<DisclosureResponse>($"/api/disclosures/{Id}");
        if (!disclosure.Ok) ShowProblem(disclosure.Problem!);
        else Disclosure = disclosure.Value;
    }
}
