namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// <c>/young-carer/proposals/{id}/check</c>: the GOV.UK "check your answers" page. The answer is
/// sent only from here: yes accepts the proposal as asked, "some" accepts it narrowed to what was
/// ticked (a list is sent only where it is narrower than what was asked), no declines it (final).
/// </summary>
public sealed class ProposalCheckModel : ProposalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Answer { get; set; }

    [BindProperty(SupportsGet = true, Name = "org")]
    public List<string> Orgs { get; set; } = [];

    [BindProperty(SupportsGet = true, Name = "category")]
    public List<string> ChosenCategories { get; set; } = [];

    public IReadOnlyList<PurposeOrganisation> KeptRecipients { get; private set; } = [];

    public IReadOnlyList<ExplainedCategory> KeptCategories { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id)
    {
        if (!await LoadAsync(id)) return Page();
        if (Answer is not (Yes or Some or No)) return To(id, "", null);
        Keep();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return Page();
        if (Answer is not (Yes or Some or No)) return To(id, "", null);
        Keep();
        var result = Answer switch
        {
            No => await Api.PostAsync<ConsentResponse>($"/api/consents/{id}/decline", new { }),
            Yes => await Api.PostAsync<ConsentResponse>($"/api/consents/{id}/accept", new { }),
            _ => await Api.PostAsync<ConsentResponse>($"/api/consents/{id}/accept", new
            {
                recipientOrgIds = KeptRecipients.Count < Recipients.Count ? KeptRecipients.Select(o => o.OrgId).ToArray() : null,
                dataCategories = KeptCategories.Count < Categories.Count ? KeptCategories.Select(c => c.Code).ToArray() : null,
            }),
        };
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            return Page();
        }

        Done = Answer == No
            ? "You said no. Nothing will be shared for this reason."
            : "You said yes. You can pause it or stop it at any time on this page.";
        return LocalRedirect("/young-carer");
    }

    private void Keep()
    {
        var answerIsSome = Answer == Some;
        var orgs = answerIsSome ? Kept(Orgs, Recipients.Select(o => o.OrgId)) : [.. Recipients.Select(o => o.OrgId)];
        var categories = answerIsSome ? Kept(ChosenCategories, Categories.Select(c => c.Code)) : [.. Categories.Select(c => c.Code)];
        KeptRecipients = [.. Recipients.Where(o => orgs.Contains(o.OrgId))];
        KeptCategories = [.. Categories.Where(c => categories.Contains(c.Code))];
    }
}
