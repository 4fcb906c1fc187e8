using System.Text.Json;
using ConsentPlatform.Portal.Api;
using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// "Who can see what about me": the young carer's consents by purpose, with pause, resume and
/// withdraw. The words for each purpose are the DSA's own description where the young carer's
/// transparency view has it (young carers cannot read DSAs themselves), else the portal's wording.
/// </summary>
public sealed class IndexModel : PortalPage
{
    public IReadOnlyList<Consent> Live { get; private set; } = [];

    public IReadOnlyList<Consent> Ended { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Descriptions { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostPauseAsync(Guid consentId) => await ChangeAsync(consentId, "pause", "You have paused sharing. Nothing new will be shared for this until you turn it back on.");

    public async Task<IActionResult> OnPostResumeAsync(Guid consentId) => await ChangeAsync(consentId, "resume", "You have turned sharing back on.");

    private async Task<IActionResult> ChangeAsync(Guid consentId, string action, string done)
    {
        var result = await Api.PostAsync<Consent>($"/api/consents/{consentId}/{action}", new { });
        if (!result.Ok)
        {
            ShowProblem(result.Problem!);
            await LoadAsync();
            return Page();
        }

        Done = done;
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var consents = await Api.GetAsync<List<Consent>>("/api/consents");
        if (!consents.Ok)
        {
            ShowProblem(consents.Problem!);
            return;
        }

        Live = [.. consents.Value!.Where(c => c.Status is "active" or "paused")];
        // An open proposal has not stopped anything: it is a question still to answer (its own page is to come).
        Ended = [.. consents.Value!.Where(c => c.Status is not ("active" or "paused" or "proposed"))];
        Descriptions = await PurposeDescriptions.FromTransparencyViewAsync(Api);
    }
}

/// <summary>Purpose code → the DSA's plain-English description, as the transparency view reports it.</summary>
public static class PurposeDescriptions
{
    public static async Task<IReadOnlyDictionary<string, string>> FromTransparencyViewAsync(PlatformApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var descriptions = new Dictionary<string, string>(StringComparer.Ordinal);
        var mine = await api.GetAsync<JsonElement>("/api/me/disclosures");
        if (!mine.Ok) return descriptions;
        foreach (var item in Transparency.Items(mine.Value))
        {
            if (item.Purpose is { } code && item.PurposeDescription is { } words) descriptions.TryAdd(code, words);
        }

        return descriptions;
    }
}
