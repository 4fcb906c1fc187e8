namespace ConsentPlatform.Portal.Pages.Safeguarding;

/// <summary>
/// Requests waiting for a safeguarding lead's approval. The disclosure API lists requests by
/// subject (<c>GET /api/disclosures?subjectId=</c>), so the queue is per young carer: the lead
/// enters the ledger id the practitioner gave them, or opens a request by its reference.
/// </summary>
public sealed class IndexModel : SubjectSearchPage
{
    public IReadOnlyList<DisclosureResponse> Waiting { get; private set; } = [];

    public IReadOnlyList<DisclosureResponse> Others { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (SubjectToSearch() is not { } subject) return;
        if (await ReadAsync<List<DisclosureResponse>>($"/api/disclosures?subjectId={subject}") is not { } found) return;
        Waiting = [.. found.Where(d => d.Status == DisclosureStatus.AwaitingOverrideApproval).OrderBy(d => d.RequestedAt)];
        Others = [.. found.Where(d => d.Status != DisclosureStatus.AwaitingOverrideApproval).OrderByDescending(d => d.RequestedAt)];
    }
}
