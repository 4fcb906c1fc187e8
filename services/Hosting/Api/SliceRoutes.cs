namespace ConsentPlatform.Hosting.Api;

/// <summary>
/// How a slice puts its endpoint on its service's route group, the same steps in every service:
/// the method and pattern, the handler, the operation's name (its OpenAPI <c>operationId</c>), the
/// policy that may call it, its summary and description, and whatever else it declares. Returns the group, so that a service's
/// module chains its slices (<c>app.MapGroup("/api/dsas").MapGetDsa().MapDsaHistory()</c>).
/// </summary>
public static class SliceRoutes
{
    /// <param name="policy">The authorization policy (a role); null where the group's policy is the endpoint's, or where <paramref name="configure"/> builds one.</param>
    /// <param name="configure">What else the endpoint declares (a body type, a problem that is not a refusal), after the rest.</param>
    public static RouteGroupBuilder MapSlice(
        this RouteGroupBuilder group,
        string method,
        [StringSyntax("Route")] string pattern,
        Delegate handler,
        string name,
        string? policy = null,
        string? summary = null,
        string? description = null,
        Action<RouteHandlerBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var endpoint = group.MapMethods(pattern, [method], handler).WithName(name);
        if (policy is not null) endpoint.RequireAuthorization(policy);
        if (summary is not null) endpoint.WithSummary(summary);
        if (description is not null) endpoint.WithDescription(description);
        configure?.Invoke(endpoint);
        return group;
    }
}
