namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>A young carer's requests and consents as the practitioner's organisation may see them.</summary>
public sealed class IndexModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? SubjectId { get; set; }

    public IReadOnlyList<DisclosureResponse> Disclosures { get; private set; } = [];

    public IReadOnlyList<ConsentResponse> Consents { get; private set; } = [];

    public bool Searched { get; private set; }

    /// <summary>A link code just issued (issue 18): shown in this answer only, never stored by the portal.</summary>
    public IssuedLinkCode? IssuedCode { get; private set; }

    /// <summary>Issue 20: requests to delete what the organisation read before a young person withdrew, not yet answered.</summary>
    public IReadOnlyList<DisclosureResponse> DeletionRequests { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var asked = await Api.GetAsync<List<DisclosureResponse>>("/api/disclosures?deletionRequest=open");
        if (asked.Ok) DeletionRequests = [.. asked.Value!.OrderBy(d => d.Deletion?.AnswerBy)];
        else ShowProblem(asked.Problem!);
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
        if (SubjectId is null) return;
        SubjectId = SubjectId.Trim();
        if (!IsIdentifier(SubjectId))
        {
            ModelState.AddModelError(nameof(SubjectId), "Enter a ledger id of 1 to 64 letters, numbers or hyphens");
            return;
        }

        Searched = true;
        var subject = Uri.EscapeDataString(SubjectId);
        var disclosures = await Api.GetAsync<List<DisclosureResponse>>($"/api/disclosures?subjectId={subject}");
        if (disclosures.Ok) Disclosures = [.. disclosures.Value!.OrderByDescending(d => d.RequestedAt)];
        else ShowProblem(disclosures.Problem!);
        var consents = await Api.GetAsync<List<ConsentResponse>>($"/api/consents?subjectId={subject}");
        if (consents.Ok) Consents = consents.Value!;
        else ShowProblem(consents.Problem!);
    }
}
