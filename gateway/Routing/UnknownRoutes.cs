namespace ConsentPlatform.Gateway.Routing;

public static class UnknownRoutes
{
    /// <summary>
    /// A path outside the route table is 404 for everyone, signed in or not: the API's shape is
    /// public, and the fallback "must be signed in" policy would otherwise answer 401 and hide
    /// that the path (for example <c>/auth/dev-token</c> outside local mode) does not exist.
    /// Every other path belongs to the web portal (<see cref="PortalRoute"/>), except those under
    /// the gateway's own prefixes, which stay 404 here.
    /// </summary>
    public static IApplicationBuilder UseUnknownRouteNotFound(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            if (context.GetEndpoint() is null || PortalRoute.IsGatewayPathCaughtByPortal(context))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
}
