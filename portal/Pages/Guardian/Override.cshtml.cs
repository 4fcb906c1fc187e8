namespace ConsentPlatform.Portal.Pages.Guardian;

/// <summary>One safeguarding override: what was shared, why, who approved it, any notice delay, and the guardian's review (issue 20).</summary>
public sealed class OverrideModel : DisclosurePage
{
    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Rationale { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (ApiWireNames.Parse<OverrideReviewOutcome>(Outcome) is null) ModelState.AddModelError(nameof(Outcome), "Select whether the override was justified");
        var rationale = Rationale?.Trim();
        if (string.IsNullOrEmpty(rationale)) ModelState.AddModelError(nameof(Rationale), "Enter the reasons for your finding");
        else if (rationale.Length > DisclosureTextLimits.MaxTextLength) ModelState.AddModelError(nameof(Rationale), $"The reasons must be {DisclosureTextLimits.MaxTextLength:N0} characters or fewer");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        var reviewed = await ActAsync("override-review", new { outcome = Outcome, rationale });
        return await AnsweredAsync(reviewed, _ => "Your review is recorded.", "/guardian", LoadAsync);
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "outcome" => nameof(Outcome),
        "rationale" => nameof(Rationale),
        _ => null,
    };
}
