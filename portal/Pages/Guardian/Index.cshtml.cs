namespace ConsentPlatform.Portal.Pages.Guardian;

/// <summary>
/// The Caldicott guardian's queue (issue 20): the safeguarding overrides of their organisation's
/// data not yet reviewed, oldest first, the overdue ones marked.
/// </summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<DisclosureResponse> Due { get; private set; } = [];

    public HashSet<Guid> Overdue { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (await ReadAsync<List<DisclosureResponse>>("/api/disclosures?overrideReview=due") is not { } due) return;
        Due = due;
        if (await ReadAsync<List<DisclosureResponse>>("/api/disclosures?overrideReview=overdue") is { } overdue) Overdue = [.. overdue.Select(d => d.Id)];
    }
}
