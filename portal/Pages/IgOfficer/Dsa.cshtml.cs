namespace ConsentPlatform.Portal.Pages.IgOfficer;

/// <summary>One DSA: its content (with each item's justification, the DPIA reference and the review date, issue 17), its parties' signatures (sign, issue 17: the last signature activates or reinstates), and the changes its status allows (suspend with a reason, terminate).</summary>
public sealed class DsaModel : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public Dsa? Dsa { get; private set; }

    [BindProperty]
    public string? SuspendReason { get; set; }

    [BindProperty]
    public string? TerminateReason { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>The version of the terms the officer saw and signs: if they changed meanwhile, the API refuses (409) and the page says so.</summary>
    [BindProperty]
    public long TermsVersion { get; set; }

    /// <summary>Issue 17: each party signs; the last signature activates (or reinstates) the agreement.</summary>
    public async Task<IActionResult> OnPostSignAsync()
    {
        var signed = await Api.PostAsync<Dsa>($"/api/dsas/{Id}/sign", new { version = TermsVersion });
        return await AnsweredAsync(
            signed,
            dsa => dsa.Status == DsaStatus.Active
                ? $"You signed version {TermsVersion}. Every party has signed: the agreement is active, and sharing under it can start now."
                : $"You signed version {TermsVersion}. It becomes active when every party has signed.",
            $"/ig-officer/dsas/{Id}",
            LoadAsync);
    }

    public async Task<IActionResult> OnPostSuspendAsync()
    {
        if (string.IsNullOrWhiteSpace(SuspendReason)) ModelState.AddModelError(nameof(SuspendReason), "Enter why you are suspending the agreement");
        else if (SuspendReason.Length > 500) ModelState.AddModelError(nameof(SuspendReason), "The reason must be 500 characters or fewer");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        return await ChangeAsync("suspend", new { reason = SuspendReason!.Trim() }, "Agreement suspended. Nothing can be shared or read under it until it is reinstated.");
    }

    public async Task<IActionResult> OnPostTerminateAsync()
    {
        if (string.IsNullOrWhiteSpace(TerminateReason)) ModelState.AddModelError(nameof(TerminateReason), "Enter why you are ending the agreement");
        else if (TerminateReason.Length > 500) ModelState.AddModelError(nameof(TerminateReason), "The reason must be 500 characters or fewer");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        return await ChangeAsync("terminate", new { reason = TerminateReason!.Trim() }, "Agreement ended for good.");
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "reason" when Request.Query["handler"] == "Suspend" => nameof(SuspendReason),
        "reason" => nameof(TerminateReason),
        _ => null,
    };

    private async Task<IActionResult> ChangeAsync(string action, object body, string done)
    {
        var changed = await Api.PostAsync<Dsa>($"/api/dsas/{Id}/{action}", body);
        return await AnsweredAsync(changed, _ => done, $"/ig-officer/dsas/{Id}", LoadAsync);
    }

    /// <summary>The template the agreement was drafted from, when the registry still lists it (for its title).</summary>
    public DsaTemplate? Template { get; private set; }

    private async Task LoadAsync()
    {
        if (await ReadAsync<Dsa>($"/api/dsas/{Id}") is { } dsa) Dsa = dsa;
        if (Dsa?.TemplateId is { } templateId)
        {
            // Only for its title: without an answer the page shows the template's id.
            var templates = await Api.GetAsync<List<DsaTemplate>>("/api/dsas/templates");
            if (templates.Ok) Template = templates.Value!.FirstOrDefault(t => t.Id == templateId);
        }
    }
}
