namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// <c>/young-carer/proposals/{id}</c>: what a practitioner has asked to share, explained, and one
/// question: yes, yes but only some of it, or no. Nothing is sent from here: the answer goes on to
/// choosing what to keep (for "some") or straight to checking the answer.
/// </summary>
public sealed class ProposalModel : ProposalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Answer { get; set; }

    public async Task OnGetAsync(Guid id) => await LoadAsync(id);

    public async Task<IActionResult> OnPostAsync(Guid id)
    {
        if (!await LoadAsync(id)) return Page();
        return Answer switch
        {
            Yes or No => To(id, "check", Answer),
            Some => To(id, "some", Answer),
            _ => Invalid(),
        };
    }

    private PageResult Invalid()
    {
        ModelState.AddModelError(nameof(Answer), "Choose if they can share this");
        return Page();
    }
}
