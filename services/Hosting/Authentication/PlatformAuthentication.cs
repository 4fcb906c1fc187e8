namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Bearer-token validation, the same in the gateway and in every service: no process trusts a
/// header a caller could set. <c>Auth:Mode</c> picks the issuer:
/// <list type="bullet">
/// <item><c>Entra</c> (the default): Microsoft Entra ID through Microsoft.Identity.Web, settings in <c>AzureAd</c>.</item>
/// <item><c>Local</c>: the <see cref="LocalIssuer"/> key in <c>Auth:Local:KeyFile</c>, issuer <c>Auth:Local:Issuer</c>.</item>
/// </list>
/// In both, <see cref="TenantTokenMapper"/> then maps the token's tenant to the organisation
/// and roles it acts with (<c>Auth:Tenants</c> and the ledgered tenant registry, <see cref="TenantDirectory"/>).
/// </summary>
public static class PlatformAuthentication
{
    public static bool IsLocalMode(IConfiguration configuration) =>
        string.Equals(configuration["Auth:Mode"], "Local", StringComparison.OrdinalIgnoreCase);

    /// <param name="builder">The process's builder.</param>
    /// <param name="unchosenOrganisationAllowedAt">Paths where a shared tenant's user who has not chosen an organisation may
    /// still sign in, acting for none and with no role (only the gateway's <c>/auth/session</c>, which tells the portal the choices).</param>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder, params string[] unchosenOrganisationAllowedAt)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (IsLocalMode(builder.Configuration))
        {
            var issuer = LocalIssuerFrom(builder.Configuration);
            builder.Services.AddSingleton(issuer);
            builder.Services
                .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddJwtBearer(o =>
                {
                    o.MapInboundClaims = false;
                    o.TokenValidationParameters = issuer.ValidationParameters();
                });
        }
        else
        {
            builder.Services
                .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
                .AddMicrosoftIdentityWebApi(builder.Configuration, "AzureAd");
            // Keep Entra's claims as issued: app roles stay in "roles", which the role
            // policies read, rather than being renamed to ClaimTypes.Role.
            builder.Services.Configure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = PlatformClaims.Roles;
                o.TokenValidationParameters.NameClaimType = PlatformClaims.Name;
                // Metadata over plain HTTP only from this machine itself: the OpenID provider the
                // tests run on loopback (issue 18). A real authority is never a loopback address.
                if (IsLoopbackAuthority(o.Authority))
                {
                    o.RequireHttpsMetadata = false;
                    // The AAD issuer validator fetches its issuer template over HTTPS only; on loopback
                    // it is given the same template Entra's multi-tenant metadata serves, and still
                    // checks every token's iss against it with the token's own tid.
                    o.TokenValidationParameters.ValidIssuers = [MultiTenantIssuerTemplate(o.Authority!)];
                }
            });
        }

        // Who a token acts for is the platform's mapping of its tenant, not the token's own claim (issue 18).
        builder.Services.Configure<OnboardedTenantsOptions>(o => builder.Configuration.GetSection(OnboardedTenantsOptions.Section).Bind(o.Tenants));
        var localMode = IsLocalMode(builder.Configuration);
        builder.Services.Configure<TenantRegistryOptions>(builder.Configuration.GetSection(TenantRegistryOptions.Section));
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddSingleton<TenantTokenMapper>();
        // After every other configuration of the bearer options (Microsoft.Identity.Web's included), so the mapping is the last word.
        builder.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o => TenantTokenMapper.ChainInto(o, localMode, unchosenOrganisationAllowedAt));

        builder.Services.AddAuthorizationBuilder()
            // Everything needs a valid token unless an endpoint says otherwise (health, docs).
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicies();
        return builder;
    }

    /// <summary>True for an authority on this machine's loopback (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>).</summary>
    public static bool IsLoopbackAuthority(string? authority) =>
        Uri.TryCreate(authority, UriKind.Absolute, out var uri) && uri.IsLoopback;

    /// <summary>
    /// Entra's issuer template for a multi-tenant authority: <c>…/organizations/v2.0</c> (or
    /// <c>common</c>) becomes <c>…/{tenantid}/v2.0</c>, which the AAD issuer validator fills with each token's <c>tid</c>.
    /// </summary>
    public static string MultiTenantIssuerTemplate(string authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        var uri = new Uri(authority.TrimEnd('/'));
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length > 0 && segments[0] is "organizations" or "common") segments[0] = "{tenantid}";
        return $"{uri.GetLeftPart(UriPartial.Authority)}/{string.Join('/', segments)}";
    }

    public static LocalIssuer LocalIssuerFrom(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var issuer = configuration["Auth:Local:Issuer"] ?? "http://localhost:8080";
        var keyFile = configuration["Auth:Local:KeyFile"]
                      ?? throw new InvalidOperationException("Auth:Mode is Local but Auth:Local:KeyFile is not set.");
        return LocalIssuer.LoadOrCreate(issuer, keyFile);
    }

    /// <summary>A policy <paramref name="name"/> that a signed-in caller in any of <paramref name="roles"/> meets.</summary>
    public static AuthorizationBuilder AddRolesPolicy(this AuthorizationBuilder authorization, string name, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Roles, roles));
    }

    /// <summary>One policy per role, named as the role, so endpoints say <c>RequireAuthorization(PlatformRoles.Auditor)</c>.</summary>
    private static AuthorizationBuilder AddRolePolicies(this AuthorizationBuilder authorization)
    {
        foreach (var role in PlatformRoles.All)
        {
            authorization.AddRolesPolicy(role, role);
        }

        return authorization;
    }
}
