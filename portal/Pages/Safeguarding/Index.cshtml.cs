namespace ConsentPlatform.Portal.Pages.Safeguarding;

/// <summary>
/// Requests waiting for a safeguarding lead's approval. The disclosure API lists requests by
/// subject (<c>GET /api/disclosures?subjectId=</c>), so the queue is per young carer: the lead
/// enters the ledger id the practitioner gave them, or opens a request by its reference.
/// </summary>
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    public IReadOnlyList<DisclosureResponse> Waiting { get; private set; } = [];

    public IReadOnlyList<DisclosureResponse> Others { get; private set; } = [];

    public bool Searched { get; private set; }

    public async Task OnGetAsync()
    {
        if (SubjectId is null) return;
        SubjectId = SubjectId.Trim();
        if (!IsIdentifier(SubjectId))
        {
            ModelState.AddModelError(nameof(SubjectId), "Enter a ledger id of 1 to 64 letters, numbers or hyphens");
            return;
        }

        Searched = true;
        var found = await Api.GetAsync<List<DisclosureResponse>>($"/api/disclosures?subjectId={Uri.EscapeDataString(SubjectId)}");
        if (!found.Ok)
        {
            ShowProblem(found.Problem!);
            return;
        }

        Waiting = [.. found.Value!.Where(d => d.Status == DisclosureStatus.AwaitingOverrideApproval).OrderBy(d => d.RequestedAt)];
        Others = [.. found.Value!.Where(d => d.Status != DisclosureStatus.AwaitingOverrideApproval).OrderByDescending(d => d.RequestedAt)];
    }
}
