namespace ConsentPlatform.Portal.Pages;

/// <summary>A page about one disclosure (<c>…/{Id}</c>): it shows the disclosure and offers what its reader may do with it.</summary>
public abstract class DisclosurePage : PortalPage
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DisclosureResponse? Disclosure { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    /// <summary>Posts <paramref name="body"/> to the disclosure's <paramref name="action"/>; returns the API's answer.</summary>
    protected Task<ApiResult<DisclosureResponse>> ActAsync(string action, object body) =>
        Api.PostAsync<DisclosureResponse>($"/api/disclosures/{Id}/{action}", body);

    protected async Task LoadAsync()
    {
        if (await ReadAsync<DisclosureResponse>($"/api/disclosures/{Id}") is { } disclosure) Disclosure = disclosure;
    }
}
