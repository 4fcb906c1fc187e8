namespace ConsentPlatform.Portal.SignIn;

/// <summary>
/// How people sign in to the portal. The session is an ASP.NET Core authentication cookie,
/// encrypted with Data Protection, that also carries the user's API access token.
/// <list type="bullet">
/// <item><c>Auth:Mode=Local</c>: the sign-in page asks the gateway's local issuer
/// (<c>POST /auth/dev-token</c>) for a token for the chosen role, organisation and subject.</item>
/// <item>Otherwise (production): Microsoft Entra ID through Microsoft.Identity.Web's OpenID Connect
/// sign-in, the authorization-code flow with PKCE; the API token is redeemed with the code for the
/// scopes in <c>Portal:ApiScopes</c> (<see cref="PortalOidc"/>).</item>
/// </list>
/// </summary>
public static class PortalSignIn
{
    public const string CookieName = "cp-portal";

    public static bool IsLocalMode(IConfiguration configuration) => PlatformAuthentication.IsLocalMode(configuration);

    public static WebApplicationBuilder AddPortalSignIn(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var keysFolder = builder.Configuration["Portal:DataProtectionKeys"];
        var dataProtection = services.AddDataProtection().SetApplicationName("ConsentPlatform.Portal");
        if (!string.IsNullOrWhiteSpace(keysFolder))
        {
            // Shared by every instance (and kept across restarts) so a session survives them.
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keysFolder));
        }

        if (IsLocalMode(builder.Configuration))
        {
            services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
                .AddCookie(o =>
                {
                    ConfigureCookie(o);
                    o.LoginPath = "/sign-in";
                });
            services.AddSingleton<IAccessTokenSource, CookieTokenSource>();
        }
        else
        {
            // Microsoft.Identity.Web configures the OpenID Connect handler for Entra (authority,
            // multi-tenant issuer validation); PortalOidc makes it the code flow with PKCE whose
            // redeemed access token is kept in the cookie, and the person who the platform says.
            // Tested against a certified OpenID provider on loopback (tests/Portal/OidcSignInTests).
            // The session is the cookie, whichever provider signed the person in (a remote scheme as the
            // default would accept only the sessions it made itself); a page without one goes to the staff sign-in.
            services.AddAuthentication(o =>
                {
                    o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
                })
                .AddMicrosoftIdentityWebApp(builder.Configuration.GetSection("AzureAd"), cookieScheme: CookieAuthenticationDefaults.AuthenticationScheme);
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
            var configuration = builder.Configuration;
            // Configure (not PostConfigure): after Microsoft.Identity.Web has set the authority, before the handler's own checks.
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => PortalOidc.Configure(o, configuration));
            services.AddSingleton<IAccessTokenSource, CookieTokenSource>();
            if (YoungCarersAuthority(configuration) is { } youngCarers)
            {
                // Young carers have no work account (issue 18): their own consumer identity provider
                // (Entra External ID or NHS login, both standard OpenID Connect), configured in YoungCarers.
                services.AddAuthentication().AddOpenIdConnect(YoungCarersScheme, o =>
                {
                    o.Authority = youngCarers;
                    o.ClientId = configuration["YoungCarers:ClientId"];
                    o.ClientSecret = configuration["YoungCarers:ClientSecret"];
                    o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                    o.CallbackPath = "/signin-oidc-young-carers";
                    o.SignedOutCallbackPath = "/signout-callback-oidc-young-carers";
                    o.Scope.Clear();
                    o.Scope.Add("openid");
                    o.Scope.Add("profile");
                    PortalOidc.Configure(o, configuration, configuration.GetSection("YoungCarers:Scopes").Get<string[]>() ?? ApiScopes(configuration));
                });
            }
        }

        services.AddHttpContextAccessor();
        return builder;
    }

    /// <summary>The young carers' sign-in scheme (production, when <c>YoungCarers:Authority</c> is set).</summary>
    public const string YoungCarersScheme = "young-carers";

    /// <summary>The young carers' identity provider (<c>YoungCarers:Authority</c>), or null when the portal has none.</summary>
    public static string? YoungCarersAuthority(IConfiguration configuration) =>
        IsLocalMode(configuration) || string.IsNullOrWhiteSpace(configuration["YoungCarers:Authority"]) ? null : configuration["YoungCarers:Authority"];

    public static IReadOnlyList<string> ApiScopes(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection("Portal:ApiScopes").Get<string[]>() ?? ["api://consentplatform/.default"];
    }

    /// <summary><c>POST /sign-out</c> (a form with an anti-forgery token): ends the session.</summary>
    public static WebApplication MapPortalSignOut(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/sign-out", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context)) return Results.LocalRedirect("/error/400");
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            if (!IsLocalMode(app.Configuration))
            {
                // Signed out where they signed in: their organisation's provider or the young carers'.
                var scheme = context.User.FindFirst(PortalOidc.SchemeClaim)?.Value ?? OpenIdConnectDefaults.AuthenticationScheme;
                await context.SignOutAsync(scheme);
                return Results.Empty;
            }

            return Results.LocalRedirect("/sign-in?signedOut=true");
        }).AllowAnonymous();
        return app;
    }

    /// <summary>
    /// An API answer of 401 means the token ran out or was refused: the session ends and the
    /// person is asked to sign in again, rather than seeing an error.
    /// </summary>
    public static IApplicationBuilder UseSessionExpiry(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (SessionExpiredException) when (!context.Response.HasStarted)
            {
                await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                context.Response.Clear();
                context.Response.Redirect("/sign-in?expired=true");
            }
        });

    private static void ConfigureCookie(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(1);
        o.SlidingExpiration = false;
        o.AccessDeniedPath = "/error/403";
    }
}
