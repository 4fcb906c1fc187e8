namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>
/// Drafting a new DSA (<c>/ig-officer/dsas/new</c>) or amending a draft or suspended one
/// (<c>/ig-officer/dsas/{id}/amend</c>). Rows are added and removed on the server (no script
/// needed); the whole form is checked here first, then by the registry, whose field errors are
/// shown next to the matching field. A draft may start from a registry template
/// (<c>/ig-officer/dsas/new?template=…</c>, issue 17): the form comes filled in from it and the
/// draft is sent with its <c>templateId</c>.
/// </summary>
public sealed class EditModel : PortalPage
{
    [BindProperty]
    public DsaForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public bool Amending => Id is not null;

    public Dsa? Existing { get; private set; }

    /// <summary>The template asked for in the address (<c>?template=</c>), for a new draft only.</summary>
    [BindProperty(Name = "template", SupportsGet = true)]
    public string? Template { get; set; }

    /// <summary>The template the form started from, when the registry still lists it (for its title).</summary>
    public DsaTemplate? StartedFrom { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
            if (!string.IsNullOrEmpty(Template))
            {
                var templates = await Api.GetAsync<List<DsaTemplate>>("/api/dsas/templates");
                if (!templates.Ok) ShowProblem(templates.Problem!);
                else if (templates.Value!.FirstOrDefault(t => t.Id == Template) is { } template)
                {
                    StartedFrom = template;
                    Input = DsaForm.FromTemplate(template, Now);
                    return Page();
                }
                else ModelState.AddModelError(string.Empty, $"There is no template \"{Template}\". Choose one from the list of templates, or draft from a blank form below.");
            }

            Input = DsaForm.Blank(Now);
            if (Org is not null) Input.Parties[0].OrgId = Org;
            return Page();
        }

        var dsa = await Api.GetAsync<Dsa>($"/api/dsas/{Id}");
        if (!dsa.Ok)
        {
            ShowProblem(dsa.Problem!);
            return Page();
        }

        Existing = dsa.Value;
        Input = DsaForm.From(dsa.Value!);
        return Page();
    }

    public IActionResult OnPostAddParty() => Rows(() => Input.Parties.Add(new PartyRow { Role = "both" }));

    public IActionResult OnPostRemoveParty(int index) => Rows(() =>
    {
        if (index >= 0 && index < Input.Parties.Count) Input.Parties.RemoveAt(index);
    });

    public IActionResult OnPostAddPurpose() => Rows(() => Input.Purposes.Add(new PurposeRow { Article6 = "consent", RequiresConsent = true }));

    public IActionResult OnPostRemovePurpose(int index) => Rows(() =>
    {
        if (index >= 0 && index < Input.Purposes.Count) Input.Purposes.RemoveAt(index);
    });

    /// <summary>Shows the form again with a justification box for each kind of data as now entered (no script needed).</summary>
    public IActionResult OnPostCategories() => Rows(() => { });

    /// <summary>Before a drafting form is shown (first or again), the title of the template it started from.</summary>
    public override Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next) =>
        base.OnPageHandlerExecutionAsync(context, async () =>
        {
            var executed = await next();
            if (executed.Result is PageResult && !Amending && StartedFrom is null && !string.IsNullOrEmpty(Input.TemplateId))
            {
                var templates = await Api.GetAsync<List<DsaTemplate>>("/api/dsas/templates");
                if (templates.Ok) StartedFrom = templates.Value!.FirstOrDefault(t => t.Id == Input.TemplateId);
            }

            return executed;
        });

    public async Task<IActionResult> OnPostAsync()
    {
        ModelState.Clear();
        var body = Validate();
        if (body is null) return Page();

        var saved = Id is null
            ? await Api.PostAsync<Dsa>("/api/dsas", body)
            : await Api.PutAsync<Dsa>($"/api/dsas/{Id}", body);
        if (!saved.Ok)
        {
            ShowProblem(saved.Problem!);
            return Page();
        }

        Done = Id is null
            ? $"Agreement \"{saved.Value!.Title}\" drafted (version {saved.Value.Version}). Check it, then sign it: it becomes active when every party has signed."
            : $"Agreement amended: now version {saved.Value!.Version}.";
        return LocalRedirect($"/ig-officer/dsas/{saved.Value.Id}");
    }

    protected override string? FieldFor(string apiField) => DsaFields.FormField(apiField);

    private IActionResult Rows(Action change)
    {
        // Adding or removing a row is not a submission: no errors yet.
        ModelState.Clear();
        change();
        return Page();
    }

    private object? Validate()
    {
        var title = Input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) ModelState.AddModelError("Input.Title", "Enter a title for the agreement");
        else if (title.Length > 200) ModelState.AddModelError("Input.Title", "Title must be 200 characters or fewer");

        if (Input.Parties.Count == 0) ModelState.AddModelError(string.Empty, "Add at least one party");
        for (var i = 0; i < Input.Parties.Count; i++)
        {
            var party = Input.Parties[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(party.OrgId)) ModelState.AddModelError($"Input.Parties[{i}].OrgId", $"Enter the organisation code of party {n}");
            else if (!IsIdentifier(party.OrgId.Trim())) ModelState.AddModelError($"Input.Parties[{i}].OrgId", $"Organisation code of party {n} must be 1 to 64 letters, numbers or hyphens");
            if (string.IsNullOrWhiteSpace(party.Name)) ModelState.AddModelError($"Input.Parties[{i}].Name", $"Enter the name of party {n}");
            if (party.Role is null || !DsaForm.PartyRoles.Contains(party.Role)) ModelState.AddModelError($"Input.Parties[{i}].Role", $"Select whether party {n} provides, receives or both");
        }

        if (Input.Purposes.Count == 0) ModelState.AddModelError(string.Empty, "Add at least one purpose");
        for (var i = 0; i < Input.Purposes.Count; i++)
        {
            var purpose = Input.Purposes[i];
            var n = i + 1;
            if (string.IsNullOrWhiteSpace(purpose.Code)) ModelState.AddModelError($"Input.Purposes[{i}].Code", $"Enter a code for purpose {n}");
            else if (!IsCode(purpose.Code.Trim())) ModelState.AddModelError($"Input.Purposes[{i}].Code", $"Code of purpose {n} must be lower-case letters, numbers and hyphens, for example school-support");
            var description = purpose.Description?.Trim() ?? "";
            if (description.Length is < DsaTermLimits.MinDescriptionLength or > DsaTermLimits.MaxDescriptionLength)
            {
                ModelState.AddModelError($"Input.Purposes[{i}].Description", $"Describe purpose {n} for the young person in {DsaTermLimits.MinDescriptionLength} to {DsaTermLimits.MaxDescriptionLength} characters");
            }
            var categories = SplitList(purpose.Categories);
            if (categories.Count == 0) ModelState.AddModelError($"Input.Purposes[{i}].Categories", $"Enter at least one kind of data for purpose {n}");
            else if (categories.FirstOrDefault(c => !IsCategory(c)) is { } bad) ModelState.AddModelError($"Input.Purposes[{i}].Categories", $"\"{bad}\" is not a data category: use lower-case letters, numbers, dots and hyphens, for example caring.role");
            if (purpose.Article6 is null || !DsaForm.Article6.Contains(purpose.Article6)) ModelState.AddModelError($"Input.Purposes[{i}].Article6", $"Select the lawful basis (article 6) of purpose {n}");
            if (!string.IsNullOrEmpty(purpose.Article9) && !DsaForm.Article9.Contains(purpose.Article9)) ModelState.AddModelError($"Input.Purposes[{i}].Article9", $"Select a condition (article 9) from the list for purpose {n}");
            // Issue 17: a justification given must be readable (the registry's length limits). Which kinds
            // of data must have one is the registry's rule; its refusal lands by the same field.
            foreach (var category in categories.Where(IsCategory))
            {
                var why = purpose.JustificationFor(category)?.Trim() ?? "";
                if (why.Length is > 0 and (< DsaTermLimits.MinJustificationLength or > DsaTermLimits.MaxJustificationLength))
                {
                    ModelState.AddModelError(DsaFields.JustificationField(i, category), $"Say in {DsaTermLimits.MinJustificationLength} to {DsaTermLimits.MaxJustificationLength} characters why {category} is necessary for purpose {n}");
                }
            }
        }

        var from = ReadDate(Input.EffectiveFrom, "Input.EffectiveFrom", "the date the agreement starts", required: true);
        var to = ReadDate(Input.EffectiveTo, "Input.EffectiveTo", "the date the agreement ends", required: true);
        if (from is not null && to is not null && to <= from) ModelState.AddModelError("Input.EffectiveTo.Day", "The end date must be after the start date");
        if (!int.TryParse(Input.RetentionDays, NumberStyles.None, CultureInfo.InvariantCulture, out var retention) || retention is < 1 or > 3650)
        {
            ModelState.AddModelError("Input.RetentionDays", "Enter how many days released data may be kept, a whole number from 1 to 3650");
        }

        var dpia = Input.DpiaReference?.Trim();
        if (dpia?.Length > 100) ModelState.AddModelError("Input.DpiaReference", "The DPIA reference must be 100 characters or fewer");
        var review = ReadDate(Input.ReviewBy, "Input.ReviewBy", "the review date", required: false);
        if (from is not null && review is not null && review <= from) ModelState.AddModelError("Input.ReviewBy.Day", "The review date must be after the start date");

        if (!ModelState.IsValid) return null;
        return new
        {
            title,
            parties = Input.Parties.Select(p => new { orgId = p.OrgId!.Trim(), name = p.Name!.Trim(), role = p.Role }).ToArray(),
            purposes = Input.Purposes.Select(p => new
            {
                code = p.Code!.Trim(),
                description = p.Description!.Trim(),
                dataCategories = SplitList(p.Categories),
                lawfulBasis = string.IsNullOrEmpty(p.Article9) ? (object)new { article6 = p.Article6 } : new { article6 = p.Article6, article9 = p.Article9 },
                requiresConsent = p.RequiresConsent,
                allowsSafeguardingOverride = p.AllowsSafeguardingOverride,
                // Only the kinds of data the purpose lists now: a box whose kind was taken out goes with it.
                justifications = SplitList(p.Categories)
                    .Where(c => !string.IsNullOrWhiteSpace(p.JustificationFor(c)))
                    .ToDictionary(c => c, c => p.JustificationFor(c)!.Trim(), StringComparer.Ordinal),
            }).ToArray(),
            effectiveFrom = from,
            effectiveTo = to,
            retentionDays = retention,
            dpiaReference = string.IsNullOrEmpty(dpia) ? null : dpia,
            reviewBy = review,
            // A new draft names its template; an amendment keeps the agreement's own (the registry's rule).
            templateId = Amending || string.IsNullOrWhiteSpace(Input.TemplateId) ? null : Input.TemplateId.Trim(),
        };
    }
}
