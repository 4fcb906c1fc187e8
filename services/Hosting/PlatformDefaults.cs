namespace ConsentPlatform.Hosting;

public static class PlatformDefaults
{
    /// <summary>What every service host has: logs, JSON, problems, telemetry, tokens, health, a warm-up before ready, OpenAPI.</summary>
    public static WebApplicationBuilder AddPlatformDefaults(this WebApplicationBuilder builder, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformLogging()
            .AddPlatformJson()
            .AddPlatformProblemDetails()
            .AddPlatformTelemetry(serviceName)
            .AddPlatformAuthentication();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        builder.AddPlatformWarmUp();
        builder.Services.AddPlatformOpenApi();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IApiDescriptionProvider, ImplicitProblemResponses>());
        return builder;
    }

    public static WebApplication UsePlatformDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        // 401, 403, 404 and 405 without a body become problem+json too.
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapPlatformHealth();
        app.MapOpenApi().AllowAnonymous();
        return app;
    }
}
