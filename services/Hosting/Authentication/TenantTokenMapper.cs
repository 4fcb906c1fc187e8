using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

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
public sealed partial class TenantTokenMapper(TenantDirectory tenants, ILogger<TenantTokenMapper> logger)
{
    public const string TenantClaim = "tid";

    /// <summary>
    /// The identity a token acts with, or why it is refused. A consumer tenant's token loses any
    /// <c>subject_id</c> it claims: which ledger id it acts for is its sign-in's link
    /// (<see cref="WithLinkedSubjectAsync"/>), never what it says.
    /// </summary>
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
        var resolution = TenantMapping.Resolve(tenants.Tenants, tenantId, identity.FindFirst(PlatformClaims.Org)?.Value, roles);
        if (!resolution.IsAccepted) return Refuse(tenantId, resolution.Refusal!);

        var mapped = new ClaimsIdentity(
            identity.Claims.Where(c => c.Type is not (PlatformClaims.Org or PlatformClaims.Roles)
                                       && !(resolution.IsConsumer && c.Type == PlatformClaims.SubjectId)),
            identity.AuthenticationType,
            identity.NameClaimType,
            identity.RoleClaimType);
        if (resolution.OrgId is { } org) mapped.AddClaim(new Claim(PlatformClaims.Org, org));
        foreach (var role in resolution.Roles) mapped.AddClaim(new Claim(PlatformClaims.Roles, role));
        if (resolution.IsConsumer) mapped.AddClaim(new Claim(ConsumerClaim, "true"));
        return (new ClaimsPrincipal(mapped), null);
    }

    /// <summary>Marks a token of a consumer tenant, whose subject comes from its sign-in's link.</summary>
    public const string ConsumerClaim = "cp_consumer";

    /// <summary>
    /// A consumer tenant's token with the ledger id its sign-in is linked to, when this process
    /// keeps or asks for links (<see cref="ISubjectLinks"/>; the gateway and services that never
    /// need the caller's subject do not). Unlinked: no <c>subject_id</c>, so it sees nothing.
    /// </summary>
    public static async Task<ClaimsPrincipal> WithLinkedSubjectAsync(ClaimsPrincipal principal, ISubjectLinks? links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (links is null || !principal.HasClaim(ConsumerClaim, "true") || SignIns.HashOf(principal) is not { } signIn) return principal;
        var subjectId = await links.SubjectOfAsync(signIn, cancellationToken);
        if (subjectId is null || principal.Identity is not ClaimsIdentity identity) return principal;
        var linked = identity.Clone();
        linked.AddClaim(new Claim(PlatformClaims.SubjectId, subjectId));
        return new ClaimsPrincipal(linked);
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
            if (refusal is not null)
            {
                context.Fail(refusal);
                return;
            }

            try
            {
                context.Principal = await WithLinkedSubjectAsync(mapped!, context.HttpContext.RequestServices.GetService<ISubjectLinks>(), context.HttpContext.RequestAborted);
            }
            catch (SubjectLinksUnavailableException e)
            {
                // Fail closed: without knowing the link, the token acts for nobody.
                mapper.LogLinksUnavailable(e.Message);
                context.Fail(e.Message);
            }
        };
    }

    private (ClaimsPrincipal?, string?) Refuse(string tenantId, string why)
    {
        LogRefused(logger, tenantId, why);
        return (null, why);
    }

    private void LogLinksUnavailable(string why) => LogLinks(logger, why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A young carer's sign-in could not be resolved to a ledger id, refusing the token: {Why}")]
    private static partial void LogLinks(ILogger logger, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Token of tenant {TenantId} refused: {Why}")]
    private static partial void LogRefused(ILogger logger, string tenantId, string why);
}
