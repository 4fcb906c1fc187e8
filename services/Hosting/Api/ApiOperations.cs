using Microsoft.AspNetCore.Routing;

namespace ConsentPlatform.Hosting.Api;

/// <summary>
/// One operation of a service's API, mapped in one call: its method and route, its handler, the
/// policy that reaches it (none: the group's), and what the OpenAPI document says of it (the
/// operation's name, and its summary when it has one). Returns the group, so that a service maps
/// its slices one after the other. An operation with more to say (a description, anonymous access)
/// keeps ASP.NET Core's own builder.
/// </summary>
public static class ApiOperations
{
    public static RouteGroupBuilder MapOperation(
        this RouteGroupBuilder group, string method, string pattern, Delegate handler, string name, string? policy = null, string? summary = null)
    {
        ArgumentNullException.ThrowIfNull(group);
        var operation = group.MapMethods(pattern, [method], handler).WithName(name);
        if (policy is not null) operation.RequireAuthorization(policy);
        if (summary is not null) operation.WithSummary(summary);
        return group;
    }
}
