using System.Globalization;
using ConsentPlatform.Portal.Api;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>
/// Drafting a new DSA (<c>/ig-officer/dsas/new</c>) or amending a draft or suspended one
/// (<c>/ig-officer/dsas/{id}/amend</c>). Rows are added and removed on the server (no script
/// needed); the whole form is checked here first, then by the registry, whose field errors are
/// shown next to the matching field.
/// </summary>
public sealed class EditModel : PortalPage
{
    [BindProperty]
    public DsaForm Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    public bool Amending => Id is not null;

    public Dsa? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null)
        {
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
            if (description.Length is < 20 or > 1000) ModelState.AddModelError($"Input.Purposes[{i}].Description", $"Describe purpose {n} for the young person in 20 to 1000 characters");
            var categories = SplitList(purpose.Categories);
            if (categories.Count == 0) ModelState.AddModelError($"Input.Purposes[{i}].Categories", $"Enter at least one kind of data for purpose {n}");
            else if (categories.FirstOrDefault(c => !IsCategory(c)) is { } bad) ModelState.AddModelError($"Input.Purposes[{i}].Categories", $"\"{bad}\" is not a data category: use lower-case letters, numbers, dots and hyphens, for example caring.role");
            if (purpose.Article6 is null || !DsaForm.Article6.Contains(purpose.Article6)) ModelState.AddModelError($"Input.Purposes[{i}].Article6", $"Select the lawful basis (article 6) of purpose {n}");
            if (!string.IsNullOrEmpty(purpose.Article9) && !DsaForm.Article9.Contains(purpose.Article9)) ModelState.AddModelError($"Input.Purposes[{i}].Article9", $"Select a condition (article 9) from the list for purpose {n}");
        }

        var from = ReadDate(Input.EffectiveFrom, "Input.EffectiveFrom", "the date the agreement starts", required: true);
        var to = ReadDate(Input.EffectiveTo, "Input.EffectiveTo", "the date the agreement ends", required: true);
        if (from is not null && to is not null && to <= from) ModelState.AddModelError("Input.EffectiveTo.Day", "The end date must be after the start date");
        if (!int.TryParse(Input.RetentionDays, NumberStyles.None, CultureInfo.InvariantCulture, out var retention) || retention is < 1 or > 3650)
        {
            ModelState.AddModelError("Input.RetentionDays", "Enter how many days released data may be kept, a whole number from 1 to 3650");
        }

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
            }).ToArray(),
            effectiveFrom = from,
            effectiveTo = to,
            retentionDays = retention,
        };
    }
}
