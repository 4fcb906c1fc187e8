using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Rewrites a validated token's identity by <see cref="TenantMapping"/> (issue 18): the <c>org</c>
/// and <c>roles</c> a caller acts with are the platform's mapping of the token's tenant
/// (<c>tid</c>), never only what the token says. It runs as the bearer handler's last step
/// (<see cref="JwtBearerEvents.OnTokenValidated"/>), so a refused token fails authentication
/// itself: 401, exactly as a token that did not validate. In the gateway and in every service alike
/// (each validates the token itself).
/// <para>
/// Outside local mode every token must come from an onboarded tenant. In local mode a dev token
/// without <c>tid</c> keeps its claims (anyone may act as anyone there, by design), and one with a
/// <c>tid</c> is mapped as in production, so the mapping is tested end to end on real processes.
/// </para>
/// </summary>
public sealed partial class TenantTokenMapper(IOptionsMonitor<OnboardedTenantsOptions> options, ILogger<TenantTokenMapper> logger)
{
    public const string TenantClaim = "tid";

    /// <summary>The identity a token acts with, or why it is refused.</summary>
    public (ClaimsPrincipal? Mapped, string? Refusal) Map(ClaimsPrincipal principal, bool localMode)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity) return (principal, null);

        var tenantId = identity.FindFirst(TenantClaim)?.Value;
        if (string.IsNullOrEmpty(tenantId))
        {
            return localMode ? (principal, null) : Refuse("(none)", "The token names no tenant (tid); only onboarded tenants' tokens are accepted.");
        }

        var roles = identity.FindAll(PlatformClaims.Roles).Select(c => c.Value).ToList();
        var resolution = TenantMapping.Resolve(options.CurrentValue.Tenants, tenantId, identity.FindFirst(PlatformClaims.Org)?.Value, roles);
        if (!resolution.IsAccepted) return Refuse(tenantId, resolution.Refusal!);

        var mapped = new ClaimsIdentity(
            identity.Claims.Where(c => c.Type is not (PlatformClaims.Org or PlatformClaims.Roles)),
            identity.AuthenticationType,
            identity.NameClaimType,
            identity.RoleClaimType);
        if (resolution.OrgId is { } org) mapped.AddClaim(new Claim(PlatformClaims.Org, org));
        foreach (var role in resolution.Roles) mapped.AddClaim(new Claim(PlatformClaims.Roles, role));
        return (new ClaimsPrincipal(mapped), null);
    }

    /// <summary>Chains the mapping after whatever the bearer options already do when a token validates (Microsoft.Identity.Web's own checks).</summary>
    public static void ChainInto(JwtBearerOptions options, bool localMode)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events ??= new JwtBearerEvents();
        var before = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            if (before is not null) await before(context);
            if (context.Result is { Failure: not null } || context.Principal is null) return;
            var mapper = context.HttpContext.RequestServices.GetRequiredService<TenantTokenMapper>();
            var (mapped, refusal) = mapper.Map(context.Principal, localMode);
            if (refusal is not null) context.Fail(refusal);
            else context.Principal = mapped;
        };
    }

    private (ClaimsPrincipal?, string?) Refuse(string tenantId, string why)
    {
        LogRefused(logger, tenantId, why);
        return (null, why);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token of tenant {TenantId} refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string tenantId, string why);
}
