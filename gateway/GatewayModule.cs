namespace ConsentPlatform.Gateway;

/// <summary>
/// The gateway: validates the bearer token, checks the caller's role per route, limits body
/// size, request rate and disclosure writes in flight, and forwards to the four services with
/// the Authorization header unchanged (each service validates the token again). Nothing of the
/// domain lives here.
/// </summary>
public static class GatewayModule
{
    public static WebApplicationBuilder AddGateway(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddKnownHosts();
        builder.AddRequestLimits();
        builder.Services.AddGatewayPolicies();
        builder.Services.AddReadiness();
        builder.AddGatewayWarmUp();
        builder.Services.AddHealthChecks();
        builder.Services.AddServiceProxy(builder.Configuration);
        // Under /fhir every error, the gateway's own 401, 403 and 404 included, is an OperationOutcome (issue 21).
        builder.Services.AddFhirOutcomes();
        return builder;
    }

    /// <summary>
    /// The order matters: problems first so every error below becomes problem+json; the host
    /// check before anything is routed or forwarded; the body limit before anything reads a body; rate limits after authentication so that a signed-in
    /// caller is counted by who they are, not by their address.
    /// </summary>
    public static WebApplication UseGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseKnownHosts();
        app.UseRequestBodyLimit();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseUnknownRouteNotFound();
        app.UseAuthorization();
        return app;
    }

    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGatewayHealth();
        app.MapApiDocs();
        app.MapSession();
        // The FHIR facade's static, public resources: CapabilityStatement, code systems, value sets (issue 21).
        app.MapFhirConformance();
        if (PlatformAuthentication.IsLocalMode(app.Configuration))
        {
            // Only on a developer machine or in tests: production has no endpoint that mints tokens.
            app.MapLocalIdentity();
        }

        app.MapReverseProxy();
        return app;
    }
}
