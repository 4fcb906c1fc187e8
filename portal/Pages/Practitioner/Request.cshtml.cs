namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>
/// Asking to share, in two steps so that nothing outside an agreement can be asked for: first
/// the purpose (only from active DSAs naming the practitioner's organisation as a recipient),
/// then the holder (a provider of that DSA), the categories (that purpose's only), the basis and
/// any justification.
/// </summary>
public sealed class RequestModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public string? Choice { get; set; }

    [BindProperty]
    public string? SubjectIdInput { get; set; }

    [BindProperty]
    public string? HolderOrgId { get; set; }

    [BindProperty]
    public List<string> Categories { get; set; } = [];

    [BindProperty]
    public string? Basis { get; set; }

    [BindProperty]
    public string? Justification { get; set; }

    public IReadOnlyList<Covering.Option> Options { get; private set; } = [];

    public Covering.Option? Chosen { get; private set; }

    public IReadOnlyList<DsaParty> Holders => Chosen is null ? [] : [.. Chosen.Dsa.Parties.Where(p => p.CanProvide())];

    public async Task OnGetAsync()
    {
        await LoadAsync();
        if (Choice is not null && Chosen is null && Request.Query.ContainsKey(nameof(Choice)))
        {
            ModelState.AddModelError(nameof(Choice), "Select what the information is for");
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        if (Chosen is null)
        {
            ModelState.AddModelError(nameof(Choice), "Select what the information is for");
            return Page();
        }

        var subject = SubjectIdInput?.Trim();
        if (string.IsNullOrEmpty(subject)) ModelState.AddModelError(nameof(SubjectIdInput), "Enter the young carer's ledger id");
        else if (!IsIdentifier(subject)) ModelState.AddModelError(nameof(SubjectIdInput), "Ledger id must be 1 to 64 letters, numbers or hyphens");
        if (HolderOrgId is null || Holders.All(h => h.OrgId != HolderOrgId)) ModelState.AddModelError(nameof(HolderOrgId), "Select the organisation that holds the information");
        if (Categories.Count == 0) ModelState.AddModelError(nameof(Categories), "Select at least one kind of information");
        else if (Categories.Except(Chosen.Purpose.DataCategories).Any()) ModelState.AddModelError(nameof(Categories), "Select only kinds of information this purpose allows");
        var basis = ApiWireNames.Parse<ShareBasis>(Basis);
        if (basis is null) ModelState.AddModelError(nameof(Basis), "Select whether you are relying on consent or on a safeguarding concern");
        var justification = Justification?.Trim();
        if (basis == ShareBasis.Safeguarding && string.IsNullOrEmpty(justification)) ModelState.AddModelError(nameof(Justification), "Explain the safeguarding concern");
        if (Categories.Any(c => c.StartsWith("cared-for.", StringComparison.Ordinal)) && (justification?.Length ?? 0) < ShareRulebook.CaredForJustificationMinLength)
        {
            ModelState.AddModelError(nameof(Justification), $"Explain in at least {ShareRulebook.CaredForJustificationMinLength} characters why you need information about the family member");
        }

        if (justification?.Length > DisclosureTextLimits.MaxTextLength) ModelState.AddModelError(nameof(Justification), $"The justification must be {DisclosureTextLimits.MaxTextLength} characters or fewer");
        if (!ModelState.IsValid) return Page();

        var requested = await Api.PostAsync<DisclosureResponse>("/api/disclosures", new
        {
            subjectId = subject,
            purpose = Chosen.Purpose.Code,
            holderOrgId = HolderOrgId,
            dataCategories = Categories,
            basis = Basis,
            justification = string.IsNullOrEmpty(justification) ? null : justification,
        });
        if (!requested.Ok)
        {
            ShowProblem(requested.Problem!);
            return Page();
        }

        return LocalRedirect($"/practitioner/disclosures/{requested.Value!.Id}");
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "subjectId" => nameof(SubjectIdInput),
        "holderOrgId" => nameof(HolderOrgId),
        "basis" => nameof(Basis),
        "justification" => nameof(Justification),
        var f when f.StartsWith("dataCategories", StringComparison.Ordinal) => nameof(Categories),
        _ => null,
    };

    private async Task LoadAsync()
    {
        var (options, problem) = await Covering.PurposesAsync(Api, Org);
        if (problem is not null) ShowProblem(problem);
        Options = options;
        Chosen = options.FirstOrDefault(o => o.Value == Choice);
    }
}
