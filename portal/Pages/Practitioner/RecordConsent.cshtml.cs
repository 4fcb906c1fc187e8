using ConsentPlatform.Portal.Api;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Portal.Pages.Practitioner;

/// <summary>Recording consent a young carer (or parent or guardian) gave in person.</summary>
public sealed class RecordConsentModel : PortalPage
{
    public static readonly (string Value, string Label)[] GivenByOptions = [("self", "The young carer"), ("parent", "A parent"), ("guardian", "A guardian")];

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
        var expires = ReadDate(ExpiresAt, nameof(ExpiresAt), "the date the consent ends", required: false);
        if (expires is not null && expires <= Now) ModelState.AddModelError("ExpiresAt.Day", "The date the consent ends must be in the future");
        if (!ModelState.IsValid) return Page();

        var granted = await Api.PostAsync<Consent>("/api/consents", new
        {
            subjectId = subject,
            purpose = Purpose,
            recipientOrgIds = recipients.Count > 0 ? recipients : null,
            dataCategories = categories.Count > 0 ? categories : null,
            expiresAt = expires,
            givenBy = GivenBy,
        });
        if (!granted.Ok)
        {
            ShowProblem(granted.Problem!);
            return Page();
        }

        Done = $"Consent recorded for {subject}: {Purpose}.";
        return LocalRedirect($"/practitioner?SubjectId={Uri.EscapeDataString(subject!)}");
    }

    protected override string? FieldFor(string apiField) => apiField switch
    {
        "subjectId" => nameof(SubjectIdInput),
        "purpose" => nameof(Purpose),
        "givenBy" => nameof(GivenBy),
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
