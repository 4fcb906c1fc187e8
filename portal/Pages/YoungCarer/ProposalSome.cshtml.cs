namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// <c>/young-carer/proposals/{id}/some</c>: "Yes, but only some of it". The young person ticks the
/// organisations that may get it and the kinds of information they may see, from what was asked;
/// at least one of each (keeping none of either is a no, and the page says so).
/// </summary>
public sealed class ProposalSomeModel : ProposalPage
{
    [BindProperty(SupportsGet = true, Name = "org")]
    public List<string> Orgs { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "category")]
    public List<string> ChosenCategories { get; set; } = [];

    public async Task OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return;
        Orgs = [.. Kept(Orgs, Recipients.Select(o => o.OrgId))];
        ChosenCategories = [.. Kept(ChosenCategories, Categories.Select(c => c.Code))];
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return Page();
        var orgs = Orgs.Where(o => Recipients.Any(r => r.OrgId == o)).Distinct(StringComparer.Ordinal).ToList();
        var categories = ChosenCategories.Where(c => Categories.Any(k => k.Code == c)).Distinct(StringComparer.Ordinal).ToList();
        if (orgs.Count == 0) ModelState.AddModelError("org", "Choose at least one place that can get it. If you do not want anyone to get it, go back and choose No");
        if (categories.Count == 0) ModelState.AddModelError("category", "Choose at least one thing they can see. If you do not want them to see anything, go back and choose No");
        if (!ModelState.IsValid)
        {
            (Orgs, ChosenCategories) = (orgs, categories);
            return Page();
        }

        return To(id, "check", Some, orgs, categories);
    }
}
