namespace ConsentPlatform.Gateway.Limits;

/// <summary>
/// A request must name one of the hosts in <c>AllowedHosts</c> (<see cref="AllowedHosts"/>;
/// unset: localhost, 127.0.0.1, [::1]); any other is 400 problem+json and goes nowhere. The
/// gateway forwards the host it was sent to the portal as <c>X-Forwarded-Host</c>, and the
/// portal's redirects are built from it: this is what keeps <c>Host: evil.example</c> out of a
/// <c>Location</c>. ASP.NET Core's own host filter reads the same setting but runs ahead of every
/// middleware and answers with an HTML page; the gateway answers every refusal with a problem,
/// so that filter is told to let every host through and the same check runs here instead.
/// </summary>
public static class KnownHosts
{
    public static WebApplicationBuilder AddKnownHosts(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<HostFilteringOptions>(o => o.AllowedHosts = ["*"]);
        return builder;
    }

    public static IApplicationBuilder UseKnownHosts(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (AllowedHosts.Of(app.Configuration) is not { } names) return app;

        StringSegment[] patterns = [.. names.Select(n => new StringSegment(n))];
        return app.Use(async (context, next) =>
        {
            // No Host at all (HTTP/1.0) names nobody's host: allowed, as ASP.NET Core's filter does.
            var host = context.Request.Headers.Host.ToString();
            if (host.Length == 0 || HostString.MatchesAny(host, patterns))
            {
                await next(context);
                return;
            }

            // The host the caller sent is not repeated.
            await Refusals.WriteAsync(context, StatusCodes.Status400BadRequest, "Unknown host", "This request names a host that this gateway does not serve.");
        });
    }
}
