namespace ConsentPlatform.Portal.Pages;

/// <summary>
/// Local mode: choose who to act as; the gateway's local issuer mints the token, which goes
/// into the encrypted session cookie. Production: straight to Microsoft Entra ID.
/// </summary>
[AllowAnonymous]
public sealed class SignInModel(IHttpClientFactory httpClients, IConfiguration configuration, ILogger<SignInModel> logger) : PortalPage
{
    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool Expired { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool SignedOut { get; set; }

    /// <summary>Production: <c>young-carer</c> signs in at the young carers' own identity provider.</summary>
    [BindProperty(SupportsGet = true)]
    public string? As { get; set; }

    /// <summary>Production with a young carers' identity provider configured: the page offers both ways in.</summary>
    public bool YoungCarerSignIn => PortalSignIn.YoungCarersAuthority(configuration) is not null;

    public bool LocalMode => PortalSignIn.IsLocalMode(configuration);

    public IActionResult OnGet()
    {
        if (!LocalMode)
        {
            // After a session ended or a sign-out, say so (and offer to sign in) rather than going
            // straight back to the identity provider, which may still have a session of its own.
            if (As == "young-carer" && YoungCarerSignIn)
            {
                return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, PortalSignIn.YoungCarersScheme);
            }

            if (Expired || SignedOut || (YoungCarerSignIn && As != "staff")) return Page();
            return Challenge(new AuthenticationProperties { RedirectUri = SafeReturnUrl }, OpenIdConnectDefaults.AuthenticationScheme);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PortalSignIn.IsLocalMode(configuration)) return NotFound();
        Validate();
        if (!ModelState.IsValid) return Page();

        var needsOrg = Input.Role is PlatformRoles.Practitioner or PlatformRoles.IgOfficer or PlatformRoles.SafeguardingLead or PlatformRoles.CaldicottGuardian;
        var name = string.IsNullOrWhiteSpace(Input.Name) ? null : Input.Name.Trim();
        var org = needsOrg ? Input.Org!.Trim() : null;
        var subject = Input.Role == PlatformRoles.YoungCarer ? Input.SubjectId!.Trim() : null;

        var http = httpClients.CreateClient(nameof(PlatformApi));
        DevToken? token = null;
        try
        {
            using var response = await http.PostAsJsonAsync("/auth/dev-token", new { role = Input.Role, name, org, subjectId = subject });
            if (response.IsSuccessStatusCode) token = await response.Content.ReadFromJsonAsync<DevToken>(PlatformApi.Json);
            else logger.LogWarning("The local issuer refused a token: {Status}", (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            logger.LogWarning("The local issuer did not answer: {Error}", e.Message);
        }

        if (token?.AccessToken is null)
        {
            ModelState.AddModelError(string.Empty, "Signing in is not available right now. Try again in a few minutes.");
            return Page();
        }

        var claims = new List<Claim>
        {
            new(PlatformClaims.Roles, Input.Role!),
            new(PlatformClaims.Name, name ?? Words.Role(Input.Role!)),
        };
        if (org is not null) claims.Add(new Claim(PlatformClaims.Org, org));
        if (subject is not null) claims.Add(new Claim(PlatformClaims.SubjectId, subject));
        var identity = new ClaimsIdentity(claims, "local-issuer", PlatformClaims.Name, PlatformClaims.Roles);
        var properties = new AuthenticationProperties
        {
            // The session ends with the token (a little before, so no call fails half-way).
            ExpiresUtc = Now.AddSeconds(Math.Max(60, token.ExpiresIn - 30)),
            IsPersistent = false,
            AllowRefresh = false,
        };
        properties.StoreTokens([new AuthenticationToken { Name = CookieTokenSource.TokenName, Value = token.AccessToken }]);
        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => ReturnUrl is { Length: > 0 } url && Url.IsLocalUrl(url) ? url : "/";

    private void Validate()
    {
        if (Input.Role is null || !PlatformRoles.All.Contains(Input.Role))
        {
            ModelState.AddModelError("Input.Role", "Select who you are");
            return;
        }

        if (Input.Role is PlatformRoles.Practitioner or PlatformRoles.IgOfficer or PlatformRoles.SafeguardingLead or PlatformRoles.CaldicottGuardian)
        {
            if (string.IsNullOrWhiteSpace(Input.Org)) ModelState.AddModelError("Input.Org", "Enter your organisation code");
            else if (!IsIdentifier(Input.Org.Trim())) ModelState.AddModelError("Input.Org", "Organisation code must be 1 to 64 letters, numbers or hyphens");
        }

        if (Input.Role == PlatformRoles.YoungCarer)
        {
            if (string.IsNullOrWhiteSpace(Input.SubjectId)) ModelState.AddModelError("Input.SubjectId", "Enter your ledger id");
            else if (!IsIdentifier(Input.SubjectId.Trim())) ModelState.AddModelError("Input.SubjectId", "Ledger id must be 1 to 64 letters, numbers or hyphens");
        }

        if (Input.Name is { Length: > 100 }) ModelState.AddModelError("Input.Name", "Name must be 100 characters or fewer");
    }

    private sealed record DevToken(string? AccessToken, int ExpiresIn);
}

public sealed class SignInInput
{
    public string? Role { get; set; }

    public string? Name { get; set; }

    public string? Org { get; set; }

    public string? SubjectId { get; set; }
}
