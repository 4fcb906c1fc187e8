namespace ConsentPlatform.Gateway.Session;

/// <summary>
/// <c>GET /auth/session</c> (issue 18): the caller's identity after the gateway has validated the token
/// and mapped its tenant (<see cref="TenantTokenMapper"/>, configuration and the ledgered registry). The
/// portal asks it once at sign-in, so that the pages a person may open follow the same mapping as the API,
/// not what their identity provider put in the ID token. A token the mapping refuses never gets here (401).
/// A shared tenant's user who has chosen no organisation does (only here): no organisation, no role, and the
/// organisations they may choose among; with <c>X-Acting-Org</c> the answer is that organisation's.
/// </summary>
public static class SessionEndpoint
{
    public const string Path = "/auth/session";

    public static IEndpointRouteBuilder MapSession(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, Describe)
            .RequireAuthorization()
            .WithTags("Session")
            .WithSummary("Who the caller's token acts as, after the platform's tenant mapping");
        return app;
    }

    private static Ok<SessionIdentity> Describe(ClaimsPrincipal user)
    {
        var caller = Caller.From(user);
        var roles = user.FindAll(PlatformClaims.Roles).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList();
        var choices = user.FindAll(TenantTokenMapper.OrgChoiceClaim).Select(c => c.Value).ToList();
        return TypedResults.Ok(new SessionIdentity(caller.UserId, caller.Name, caller.OrgId, roles, user.FindFirst(TenantTokenMapper.TenantClaim)?.Value, choices));
    }
}
