namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>Recording consent a young carer (or parent or guardian) gave in person.</summary>
public sealed class RecordConsentModel : PortalPage
{
    public static readonly (string Value, string Label)[] GivenByOptions = 
    [
        (ApiWireNames.Of(Contracts.Consent.GivenBy.Self), "The young carer"),
        (ApiWireNames.Of(Contracts.Consent.GivenBy.Parent), "A parent"),
        (ApiWireNames.Of(Contracts.Consent.GivenBy.Guardian), "A guardian"),
    ];

    [BindProperty]
    public string? SubjectIdInput { get; set; }

    [BindProperty]
    public string? Purpose { get; set; }

    [BindProperty]
    public string? Recipients { get; set; }

    [BindProperty]
    public string? Categories { get; set; }

    [BindProperty]
    public string? GivenBy { get; set; }

    /// <summary>Issue 20: who gave a parent's or guardian's consent; the API refuses a proxy consent without it.</summary>
    [BindProperty]
    public string? ProxyRelationship { get; set; }

    [BindProperty]
    public string? ProxyName { get; set; }

    [BindProperty]
    public DateInput ExpiresAt { get; set; } = new();

    public IReadOnlyList<string> Purposes { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        await LoadAsync();
        var subject = SubjectIdInput?.Trim();
        if (string.IsNullOrEmpty(subject)) ModelState.AddModelError(nameof(SubjectIdInput), "Enter the young carer's ledger id");
        else if (!IsIdentifier(subject)) ModelState.AddModelError(nameof(SubjectIdInput), "Ledger id must be 1 to 64 letters, numbers or hyphens");
        if (string.IsNullOrEmpty(Purpose) || !IsCode(Purpose)) ModelState.AddModelError(nameof(Purpose), "Select the purpose the consent is for");
        var recipients = SplitList(Recipients);
        if (recipients.FirstOrDefault(r => !IsIdentifier(r)) is { } badOrg) ModelState.AddModelError(nameof(Recipients), $"\"{badOrg}\" is not an organisation code");
        var categories = SplitList(Categories);
        if (categories.FirstOrDefault(c => !IsCategory(c)) is { } badCategory) ModelState.AddModelError(nameof(Categories), $"\"{badCategory}\" is not a data category");
        if (GivenByOptions.All(o => o.Value != GivenBy)) ModelState.AddModelError(nameof(GivenBy), "Select who gave consent");
        var relationship = ProxyRelationship?.Trim();
        var proxyName = ProxyName?.Trim();
        var byProxy = GivenBy is "parent" or "guardian";
        if (byProxy && string.IsNullOrEmpty(relationship)) ModelState.AddModelError(nameof(ProxyRelationship), "Enter the relationship of the parent or guardian who gave consent");
        else if (relationship?.Length > 50) ModelState.AddModelError(nameof(ProxyRelationship), "The relationship must be 50 characters or fewer");
        if (proxyName?.Length > 100) ModelState.AddModelError(nameof(ProxyName), "The name must be 100 characters or fewer");
        var expires = ReadDate(ExpiresAt, nameof(ExpiresAt), "the date the consent ends", required: false);
        if (expires is not null && expires <= Now) ModelState.AddModelError("ExpiresAt.Day", "The date the consent ends must be in the future");
        if (!ModelState.IsValid) return Page();

        var granted = await Api.PostAsync<ConsentResponse>("/api/consents", new
        {
            subjectId = subject,
            purpose = Purpose,
            recipientOrgIds = recipients.Count > 0 ? recipients : null,
            dataCategories = categories.Count > 0 ? categories : null,
            expiresAt = expires,
            givenBy = GivenBy,
            proxy = byProxy ? new { relationship, name = string.IsNullOrEmpty(proxyName) ? null : proxyName } : null,
        });
        return await AnsweredAsync(granted, _ => $"Consent recorded for {subject}: {Purpose}.", $"/practitioner?SubjectId={Uri.EscapeDataString(subject!)}");
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "subjectId" => nameof(SubjectIdInput),
        "purpose" => nameof(Purpose),
        "givenBy" => nameof(GivenBy),
        "proxy" or "proxy.relationship" => nameof(ProxyRelationship),
        "proxy.name" => nameof(ProxyName),
        "expiresAt" => "ExpiresAt.Day",
        var f when f.StartsWith("recipientOrgIds", StringComparison.Ordinal) => nameof(Recipients),
        var f when f.StartsWith("dataCategories", StringComparison.Ordinal) => nameof(Categories),
        _ => null,
    };

    private async Task LoadAsync()
    {
        var (options, _) = await Covering.PurposesAsync(Api, Org);
        Purposes = [.. options.Select(o => o.Purpose.Code).Distinct().Order()];
    }
}
