namespace ConsentPlatform.Portal;

/// <summary>
/// The portal: Razor Pages, one folder per user (<c>Pages/YoungCarer</c>, <c>Pages/Practitioner</c>, …),
/// each folder open only to its role. Every page calls the platform's API through the gateway
/// with the signed-in user's own token (<see cref="PlatformApi"/>); the portal keeps no data.
/// </summary>
public static class PortalModule
{
    /// <summary>Page folder → the role that may open it.</summary>
    public static IReadOnlyDictionary<string, string> FolderRoles { get; } = new Dictionary<string, string>
    {
        ["/YoungCarer"] = PlatformRoles.YoungCarer,
        ["/Practitioner"] = PlatformRoles.Practitioner,
        ["/IgOfficer"] = PlatformRoles.IgOfficer,
        ["/Safeguarding"] = PlatformRoles.SafeguardingLead,
        ["/Auditor"] = PlatformRoles.Auditor,
        ["/Guardian"] = PlatformRoles.CaldicottGuardian,
        ["/Admin"] = PlatformRoles.PlatformAdministrator,
        // Issue 22: not one role but a policy of two, analysts and auditors (registered below).
        ["/Statistics"] = StatisticsPolicy,
    };

    /// <summary>The statistics pages' policy: analysts, who see nothing else, and auditors.</summary>
    public const string StatisticsPolicy = "Statistics";

    public static WebApplicationBuilder AddPortal(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Behind the gateway: the browser's host and scheme arrive as X-Forwarded-* headers, so
        // redirects (sign-in, after a form) point at the gateway's address, not the portal's.
        // Both the Host the portal is sent (the gateway's YARP sends the portal's own address) and
        // the forwarded one must be in AllowedHosts: redirects are built from them, and an
        // unchecked one would send the next click to whatever host a request named. A forwarded
        // host outside the list is ignored (the redirect stays on the portal's own address); a
        // Host outside it is refused with 400 by ASP.NET Core's host filter.
        var hosts = AllowedHosts.Of(builder.Configuration);
        services.Configure<HostFilteringOptions>(o => o.AllowedHosts = hosts is null ? ["*"] : [.. hosts]);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            if (hosts is not null) o.AllowedHosts = [.. hosts];
        });

        builder.AddPortalSignIn();
        var authorization = services.AddAuthorizationBuilder()
            // No page works signed out, unless it says [AllowAnonymous] (sign in, errors).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        foreach (var role in PlatformRoles.All)
        {
            authorization.AddPolicy(role, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Roles, role));
        }

        authorization.AddPolicy(StatisticsPolicy, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Roles, PlatformRoles.Analyst, PlatformRoles.Auditor));

        services.AddRazorPages(o =>
        {
            foreach (var (folder, role) in FolderRoles) o.Conventions.AuthorizeFolder(folder, role);
            // One page drafts and amends: drafting has no id.
            o.Conventions.AddPageRoute("/IgOfficer/Edit", "ig-officer/dsas/new");
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cp-portal-af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddHealthChecks();
        services.AddSingleton(TimeProvider.System);
        services.AddPlatformApi(builder.Configuration);
        return builder;
    }

    public static WebApplication UsePortal(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        // A failure shows the friendly error page, never a stack trace (in every environment).
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        var contentSecurityPolicy = ContentSecurityPolicy(app.Configuration);
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["Referrer-Policy"] = "same-origin";
            context.Response.Headers.ContentSecurityPolicy = contentSecurityPolicy;
            await next(context);
        });
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseSessionExpiry();
        app.UseAuthorization();
        app.MapHealthChecks("/health/live").AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        app.MapRazorPages();
        app.MapPortalSignOut();
        return app;
    }

    /// <summary>
    /// The pages' content security policy. Forms post to the portal itself; in production the sign-out
    /// form's answer redirects to the identity provider's end-session endpoint, and a browser applies
    /// <c>form-action</c> to that redirect too, so the provider's origin (<c>AzureAd:Instance</c>) is allowed.
    /// </summary>
    public static string ContentSecurityPolicy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var formAction = "'self'";
        if (!SignIn.PortalSignIn.IsLocalMode(configuration)
            && Uri.TryCreate(configuration["AzureAd:Instance"], UriKind.Absolute, out var instance))
        {
            formAction += " " + instance.GetLeftPart(UriPartial.Authority);
        }

        if (SignIn.PortalSignIn.YoungCarersAuthority(configuration) is { } youngCarers
            && Uri.TryCreate(youngCarers, UriKind.Absolute, out var authority)
            && !formAction.Contains(authority.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal))
        {
            formAction += " " + authority.GetLeftPart(UriPartial.Authority);
        }

        return $"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action {formAction}; frame-ancestors 'none'";
    }
}
