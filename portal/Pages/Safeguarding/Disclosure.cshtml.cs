namespace ConsentPlatform.Portal.Pages.Safeguarding;

/// <summary>One request on a safeguarding basis: the concern, and approval with a written rationale.</summary>
public sealed class DisclosureModel : DisclosurePage
{
    [BindProperty]
    public string? Rationale { get; set; }

    public async Task<IActionResult> OnPostAsync()
    {
        var rationale = Rationale?.Trim();
        if (string.IsNullOrEmpty(rationale)) ModelState.AddModelError(nameof(Rationale), "Enter why sharing without consent is justified");
        else if (rationale.Length < 20) ModelState.AddModelError(nameof(Rationale), "The rationale must be at least 20 characters");
        else if (rationale.Length > DisclosureTextLimits.MaxTextLength) ModelState.AddModelError(nameof(Rationale), $"The rationale must be {DisclosureTextLimits.MaxTextLength} characters or fewer");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        var approved = await ActAsync("approve-override", new { rationale });
        return await AnsweredAsync(approved, _ => "Approved. The holding organisation can now release the information.", $"/safeguarding/disclosures/{Id}", LoadAsync);
    }

    protected override string? FieldFor(string apiField) => apiField == "rationale" ? nameof(Rationale) : null;
}
