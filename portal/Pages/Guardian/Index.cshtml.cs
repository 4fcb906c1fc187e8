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
        var due = await Api.GetAsync<List<DisclosureResponse>>("/api/disclosures?overrideReview=due");
        if (!due.Ok)
        {
            ShowProblem(due.Problem!);
            return;
        }

        Due = due.Value!;
        var overdue = await Api.GetAsync<List<DisclosureResponse>>("/api/disclosures?overrideReview=overdue");
        if (overdue.Ok) Overdue = [.. overdue.Value!.Select(d => d.Id)];
        else ShowProblem(overdue.Problem!);
    }
}
