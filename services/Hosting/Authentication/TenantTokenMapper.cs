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
    /// The organisation a user of a tenant mapped to several has chosen to act for (picked in the portal),
    /// sent with every request. Only a choice among the tenant's own mapping: every process checks it
    /// against the mapping itself, so it is a choice, never a grant.
    /// </summary>
    public const string ActingOrgHeader = "X-Acting-Org";

    /// <summary>The organisations a shared tenant's user may choose among, one claim each (<see cref="TenantResolution.OrgChoices"/>).</summary>
    public const string OrgChoiceClaim = "cp_org_choice";

    /// <summary>
    /// The identity a token acts with, or why it is refused. A consumer tenant's token loses any
    /// <c>subject_id</c> it claims: which ledger id it acts for is its sign-in's link
    /// (<see cref="WithLinkedSubjectAsync"/>), never what it says.
    /// </summary>
    /// <param name="principal">The validated token's identity.</param>
    /// <param name="localMode">Local mode keeps a dev token without a tenant as it is.</param>
    /// <param name="chosenOrg">The request's <see cref="ActingOrgHeader"/>, if any.</param>
    /// <param name="allowUnchosen">Whether a shared tenant's token that chose no organisation may still sign in, powerless (the gateway's <c>/auth/session</c> only).</param>
    public (ClaimsPrincipal? Mapped, string? Refusal) Map(ClaimsPrincipal principal, bool localMode, string? chosenOrg = null, bool allowUnchosen = false)
    {
        ArgumentNullException.ThrowIfNull(principal);
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity) return (principal, null);

        var tenantId = identity.FindFirst(TenantClaim)?.Value;
        if (string.IsNullOrEmpty(tenantId))
        {
            if (!localMode) return Refuse("(none)", "The token names no tenant (tid); only onboarded tenants' tokens are accepted.");
            // A dev token acts for the org it names; a request naming another would be a second answer to one question.
            var own = identity.FindFirst(PlatformClaims.Org)?.Value;
            return chosenOrg is null || string.Equals(chosenOrg, own, StringComparison.OrdinalIgnoreCase)
                ? (principal, null)
                : Refuse("(none)", $"A token without a tenant acts for the organisation it names ({own ?? "none"}), not {chosenOrg}.");
        }

        var roles = identity.FindAll(PlatformClaims.Roles).Select(c => c.Value).ToList();
        var resolution = TenantMapping.Resolve(tenants.Tenants, tenantId, identity.FindFirst(PlatformClaims.Org)?.Value, roles, chosenOrg, allowUnchosen);
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
        foreach (var choice in resolution.OrgChoices) mapped.AddClaim(new Claim(OrgChoiceClaim, choice));
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

    /// <summary>
    /// Chains the mapping after whatever the bearer options already do when a token validates (Microsoft.Identity.Web's own checks).
    /// <paramref name="unchosenAllowedAt"/>: the paths where a shared tenant's token that chose no organisation may
    /// sign in, with no organisation and no role (the gateway's <c>/auth/session</c>); none elsewhere.
    /// </summary>
    public static void ChainInto(JwtBearerOptions options, bool localMode, IReadOnlyCollection<string>? unchosenAllowedAt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Events ??= new JwtBearerEvents();
        var before = options.Events.OnTokenValidated;
        options.Events.OnTokenValidated = async context =>
        {
            if (before is not null) await before(context);
            if (context.Result is { Failure: not null } || context.Principal is null) return;
            var mapper = context.HttpContext.RequestServices.GetRequiredService<TenantTokenMapper>();
            var request = context.HttpContext.Request;
            var choice = request.Headers[ActingOrgHeader];
            if (choice.Count > 1)
            {
                context.Fail($"{ActingOrgHeader} names more than one organisation.");
                return;
            }

            var allowUnchosen = unchosenAllowedAt?.Any(p => request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)) == true;
            var (mapped, refusal) = mapper.Map(context.Principal, localMode, string.IsNullOrWhiteSpace(choice) ? null : choice.ToString().Trim(), allowUnchosen);
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
