namespace ConsentPlatform.Portal.Pages;

/// <summary>
/// Choosing the organisation to act for (issue 18): a person of a tenant the platform maps to several
/// organisations (a trust's tenant shared by its GP practices) picks one of the mapping's. The gateway is
/// asked again with that choice (<c>X-Acting-Org</c>), so the organisation and roles of the session are
/// what the platform says for it; every later call carries the choice and every process checks it.
/// Open to anyone signed in: a person of such a tenant has no role until they have chosen.
/// </summary>
public sealed class OrganisationModel(IHttpClientFactory httpClients, IAccessTokenSource tokens) : PortalPage
{
    public const string Path = "/organisation";

    [BindProperty]
    public string? Choice { get; set; }

    /// <summary>The organisations the platform's mapping allows this person, as the session holds them.</summary>
    public IReadOnlyList<string> Choices => [.. User.FindAll(TenantTokenMapper.OrgChoiceClaim).Select(c => c.Value)];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Choices.Count < 2) return LocalRedirect("/");
        Choice = Org;
        if (Org is not null) await OrganisationNamesAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Choices.Count < 2) return LocalRedirect("/");
        var chosen = Choices.FirstOrDefault(c => string.Equals(c, Choice, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            ModelState.AddModelError(nameof(Choice), "Choose the organisation you are working for");
            return Page();
        }

        var token = await tokens.GetAsync(HttpContext) ?? throw new SessionExpiredException();
        var session = await PortalOidc.SessionAsync(httpClients.CreateClient(nameof(PlatformApi)), token, HttpContext.RequestAborted, chosen);
        if (session is not { Roles.Count: > 0 })
        {
            ModelState.AddModelError(nameof(Choice), "The platform does not let your account act for this organisation");
            return Page();
        }

        // The same cookie with the platform's answer for the chosen organisation; its tokens and expiry are kept.
        var current = await HttpContext.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var identity = PortalOidc.IdentityOf(session);
        if (User.FindFirst(PortalOidc.SchemeClaim) is { } scheme) identity.AddClaim(new Claim(PortalOidc.SchemeClaim, scheme.Value));
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), current.Properties);
        return LocalRedirect("/");
    }
}
