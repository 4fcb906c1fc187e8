namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>
/// One request: its decision with every reason in words; for the holder, the release form (one
/// field per approved category); for the requester, reading the package (checked again, live,
/// at every read).
/// </summary>
public sealed class DisclosureModel : DisclosurePage
{
    [BindProperty]
    public Dictionary<string, string?> Data { get; set; } = [];

    public PackageResponse? Package { get; private set; }

    public bool IsHolder => Disclosure is not null && string.Equals(Disclosure.HolderOrgId, Org, StringComparison.OrdinalIgnoreCase);

    public bool IsRequester => Disclosure is not null && string.Equals(Disclosure.RequesterOrgId, Org, StringComparison.OrdinalIgnoreCase);

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        await LoadAsync();
        if (Disclosure is null) return Page();
        var data = new Dictionary<string, string>();
        foreach (var category in Disclosure.DataCategories)
        {
            var value = Data.GetValueOrDefault(category)?.Trim();
            if (string.IsNullOrEmpty(value)) ModelState.AddModelError(FieldName(category), $"Enter the {category} information, or ask for a new request without it");
            else if (value.Length > 10_000) ModelState.AddModelError(FieldName(category), $"The {category} information must be 10,000 characters or fewer");
            else data[category] = value;
        }

        if (!ModelState.IsValid) return Page();
        var released = await ActAsync("release", new { data });
        return await AnsweredAsync(released, _ => "Released. The requesting organisation can now read it, while the checks still pass.", $"/practitioner/disclosures/{Id}", LoadAsync);
    }

    /// <summary>The answer to a deletion request (issue 20): <c>deleted</c> or <c>retained</c>.</summary>
    [BindProperty]
    public string? DeletionOutcome { get; set; }

    [BindProperty]
    public string? DeletionReason { get; set; }

    /// <summary>The recipient answers the request to delete what it read before the young person withdrew.</summary>
    public async Task<IActionResult> OnPostDeletionAsync()
    {
        var outcome = ApiWireNames.Parse<Contracts.Disclosure.DeletionOutcome>(DeletionOutcome);
        if (outcome is null) ModelState.AddModelError(nameof(DeletionOutcome), "Select whether you deleted it or must keep it");
        var reason = DeletionReason?.Trim();
        if (outcome == Contracts.Disclosure.DeletionOutcome.Retained && string.IsNullOrEmpty(reason)) ModelState.AddModelError(nameof(DeletionReason), "Enter why you must keep it, for example the law that requires it");
        else if (reason?.Length > DisclosureTextLimits.MaxTextLength) ModelState.AddModelError(nameof(DeletionReason), $"The reason must be {DisclosureTextLimits.MaxTextLength:N0} characters or fewer");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        var answered = await ActAsync("deletion", new { outcome = DeletionOutcome, reason = string.IsNullOrEmpty(reason) ? null : reason });
        var done = outcome == Contracts.Disclosure.DeletionOutcome.Deleted ? "Recorded that you deleted it. The young person can see your answer." : "Recorded that you keep it, and why. The young person can see your answer.";
        return await AnsweredAsync(answered, _ => done, $"/practitioner/disclosures/{Id}", LoadAsync);
    }

    public async Task<IActionResult> OnPostReadAsync()
    {
        Package = await ReadAsync<PackageResponse>($"/api/disclosures/{Id}/package");
        await LoadAsync();
        return Page();
    }

    public static string FieldName(string category) => $"Data[{category}]";
}
