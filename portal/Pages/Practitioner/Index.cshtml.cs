namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>A young carer's requests and consents as the practitioner's organisation may see them.</summary>
public sealed class IndexModel : SubjectSearchPage
{
    public IReadOnlyList<DisclosureResponse> Disclosures { get; private set; } = [];

    public IReadOnlyList<ConsentResponse> Consents { get; private set; } = [];

    /// <summary>A link code just issued (issue 18): shown in this answer only, never stored by the portal.</summary>
    public IssuedLinkCode? IssuedCode { get; private set; }

    /// <summary>Issue 20: requests to delete what the organisation read before a young person withdrew, not yet answered.</summary>
    public IReadOnlyList<DisclosureResponse> DeletionRequests { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (await ReadAsync<List<DisclosureResponse>>("/api/disclosures?deletionRequest=open") is { } asked) DeletionRequests = [.. asked.OrderBy(d => d.Deletion?.AnswerBy)];
        await SearchAsync();
    }

    /// <summary>A one-time code that links the young carer's own sign-in to their ledger id; the API decides who may issue one.</summary>
    public async Task<IActionResult> OnPostLinkCodeAsync()
    {
        await SearchAsync();
        if (!Searched) return Page();
        var issued = await Api.PostAsync<IssuedLinkCode>("/api/link-codes", new { subjectId = SubjectId });
        if (!issued.Ok) ShowProblem(issued.Problem!);
        else IssuedCode = issued.Value;
        // Shown once: no browser or proxy may keep the page.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    private async Task SearchAsync()
    {
        if (SubjectToSearch() is not { } subject) return;
        if (await ReadAsync<List<DisclosureResponse>>($"/api/disclosures?subjectId={subject}") is { } disclosures) Disclosures = [.. disclosures.OrderByDescending(d => d.RequestedAt)];
        if (await ReadAsync<List<ConsentResponse>>($"/api/consents?subjectId={subject}") is { } consents) Consents = consents;
    }
}
