namespace ConsentPlatform.Portal.Pages.YoungCarer;

/// <summary>
/// "Link my sign-in" (issue 18): the young carer enters the one-time code their practitioner gave
/// them, so that the account they signed in with can see their own sharing; and sees and ends the
/// sign-ins linked to them. Nothing about them is shown before a link exists.
/// </summary>
public sealed class SignInsModel : PortalPage
{
    public IReadOnlyList<LinkedSignIn> Links { get; private set; } = [];

    [BindProperty]
    public string? Code { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostLinkAsync()
    {
        if (string.IsNullOrWhiteSpace(Code)) ModelState.AddModelError(nameof(Code), "Enter the code you were given");
        else if (Code.Length > 40) ModelState.AddModelError(nameof(Code), "The code is 12 letters and numbers, like ABCD-EFGH-JKMN");
        if (!ModelState.IsValid) return await PageAgainAsync(LoadAsync);

        var linked = await Api.PostAsync<LinkedSignIn>("/api/me/links", new { code = Code!.Trim() });
        return await AnsweredAsync(linked, _ => "Your sign-in is linked. You can now see who can see what about you.", "/young-carer/sign-ins", LoadAsync);
    }

    public async Task<IActionResult> OnPostEndAsync(Guid linkId)
    {
        var ended = await Api.DeleteAsync($"/api/me/links/{linkId}");
        if (ended is not null)
        {
            ShowProblem(ended);
            return await PageAgainAsync(LoadAsync);
        }

        Done = "That sign-in is no longer linked to you.";
        return LocalRedirect("/young-carer/sign-ins");
    }

    protected override string? FieldFor(string apiField) => apiField == "code" ? nameof(Code) : null;

    private async Task LoadAsync()
    {
        if (await ReadAsync<List<LinkedSignIn>>("/api/me/links") is { } links) Links = links;
    }
}
