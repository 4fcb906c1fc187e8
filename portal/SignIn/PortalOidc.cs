namespace ConsentPlatform.Portal.SignIn;

/// <summary>
/// The portal's production sign-in (issue 18): OpenID Connect's authorization-code flow with PKCE at the
/// organisation's identity provider (Microsoft Entra ID through Microsoft.Identity.Web's handler
/// configuration), the API's access token redeemed with the code (its scopes in <c>Portal:ApiScopes</c>)
/// and kept in the encrypted session cookie. Who the person is in the portal is then what the platform
/// makes of that token, asked once from the gateway (<c>GET /auth/session</c>): the organisation and roles
/// of its tenant's mapping, never the ID token's own claims. A token the mapping refuses cannot sign in.
/// </summary>
public static partial class PortalOidc
{
    /// <summary>Where a refused sign-in lands: the error page says the organisation cannot sign in here.</summary>
    public const string RefusedPath = "/error/403";

    /// <summary>The sign-in scheme a session came from, so that signing out goes back to the same provider.</summary>
    public const string SchemeClaim = "cp_scheme";

    public static void Configure(OpenIdConnectOptions options, IConfiguration configuration) =>
        Configure(options, configuration, PortalSignIn.ApiScopes(configuration));

    public static void Configure(OpenIdConnectOptions options, IConfiguration configuration, IReadOnlyList<string> apiScopes)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(configuration);
        options.ResponseType = "code";
        options.UsePkce = true;
        options.SaveTokens = true;
        options.MapInboundClaims = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        foreach (var scope in apiScopes) options.Scope.Add(scope);
        options.SignedOutRedirectUri = "/sign-in?signedOut=true";
        options.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
        options.TokenValidationParameters.RoleClaimType = PlatformClaims.Roles;
        // The same single concession as the API's (PlatformAuthentication): metadata over plain HTTP
        // only from this machine's loopback, where the tests' OpenID provider runs.
        if (PlatformAuthentication.IsLoopbackAuthority(options.Authority))
        {
            options.RequireHttpsMetadata = false;
            options.TokenValidationParameters.ValidIssuers = [PlatformAuthentication.MultiTenantIssuerTemplate(options.Authority!)];
            // Plain HTTP on loopback: the code comes back in the query (a same-site GET) and the
            // correlation and nonce cookies are not marked Secure, which a browser would drop there.
            options.ResponseMode = "query";
            options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
        }

        options.Events ??= new OpenIdConnectEvents();
        var before = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            if (before is not null) await before(context);
            if (context.Result is { Failure: not null }) return;
            var accessToken = context.TokenEndpointResponse?.AccessToken;
            if (string.IsNullOrEmpty(accessToken))
            {
                context.Fail("The identity provider gave no access token for the platform's API.");
                return;
            }

            var http = context.HttpContext.RequestServices.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(PlatformApi));
            var session = await SessionAsync(http, accessToken, context.HttpContext.RequestAborted);
            if (session is null)
            {
                context.Fail("The platform does not accept this sign-in (its organisation is not onboarded, or the role is not allowed).");
                return;
            }

            var identity = IdentityOf(session);
            identity.AddClaim(new Claim(SchemeClaim, context.Scheme.Name));
            context.Principal = new ClaimsPrincipal(identity);
        };
        options.Events.OnRemoteFailure = context =>
        {
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortalOidc));
            LogRefused(logger, context.Failure?.Message ?? "(no reason)");
            context.Response.Redirect(RefusedPath);
            context.HandleResponse();
            return Task.CompletedTask;
        };
    }

    /// <summary>
    /// The platform's view of the token, or null when the gateway refuses it. <paramref name="actingOrg"/>: the
    /// organisation a shared tenant's user chose (sent as <c>X-Acting-Org</c>, checked against the mapping by the
    /// gateway). A shared tenant's user who has not chosen yet gets a session with no role and their choices.
    /// </summary>
    public static async Task<SessionIdentity?> SessionAsync(HttpClient gateway, string accessToken, CancellationToken cancellationToken, string? actingOrg = null)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/auth/session", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (actingOrg is not null) request.Headers.Add(TenantTokenMapper.ActingOrgHeader, actingOrg);
        using var response = await gateway.SendAsync(request, cancellationToken);
        if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) return null;
        response.EnsureSuccessStatusCode();
        var session = await response.Content.ReadFromJsonAsync<SessionIdentity>(PlatformApi.Json, cancellationToken);
        return session is { Roles.Count: > 0 } || IsUnchosen(session) ? session : null;
    }

    /// <summary>Signed in to a tenant shared by several organisations without having chosen one: no role until they do.</summary>
    public static bool IsUnchosen(SessionIdentity? session) =>
        session is { Roles.Count: 0, OrgId: null, OrgChoices.Count: > 1 };

    /// <summary>
    /// The portal's principal: one role (the first the mapping allows), the mapped organisation, the person's name,
    /// and for a shared tenant's user the organisations they may choose among (<see cref="TenantTokenMapper.OrgChoiceClaim"/>).
    /// </summary>
    public static ClaimsIdentity IdentityOf(SessionIdentity session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var claims = new List<Claim>();
        if (session.Roles.Count > 0) claims.Add(new Claim(PlatformClaims.Roles, session.Roles[0]));
        if (!string.IsNullOrEmpty(session.UserId)) claims.Add(new Claim("sub", session.UserId));
        var name = string.IsNullOrWhiteSpace(session.Name) ? session.Roles.FirstOrDefault() ?? "you" : session.Name;
        claims.Add(new Claim(PlatformClaims.Name, name));
        if (!string.IsNullOrEmpty(session.OrgId)) claims.Add(new Claim(PlatformClaims.Org, session.OrgId));
        if (!string.IsNullOrEmpty(session.TenantId)) claims.Add(new Claim("tid", session.TenantId));
        foreach (var choice in session.OrgChoices ?? []) claims.Add(new Claim(TenantTokenMapper.OrgChoiceClaim, choice));
        return new ClaimsIdentity(claims, "oidc", PlatformClaims.Name, PlatformClaims.Roles);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-in was refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string why);
}
