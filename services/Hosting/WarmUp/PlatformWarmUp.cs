namespace ConsentPlatform.Hosting.WarmUp;

public static class PlatformWarmUp
{
    /// <summary>
    /// The warm-up runner and its <c>warm-up</c> readiness check (issue 23 part 5a: no decision
    /// fails closed because the service was still compiling). Steps come from the service
    /// (<see cref="AddWarmUpStep{TStep}"/>) and from the shared pieces it uses (Marten).
    /// </summary>
    public static WebApplicationBuilder AddPlatformWarmUp(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WarmUpOptions>().BindConfiguration(WarmUpOptions.Section);
        builder.Services.TryAddSingleton<WarmUpState>();
        builder.Services.AddHostedService<WarmUpService>();
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            WarmUpHealthCheck.Name,
            sp => new WarmUpHealthCheck(sp.GetRequiredService<WarmUpState>()),
            failureStatus: null,
            tags: [HealthEndpoints.ReadyTag]));
        return builder;
    }

    /// <summary>A step, resolved in the warm-up's own scope (it may take scoped services such as a Marten session).</summary>
    public static IServiceCollection AddWarmUpStep<TStep>(this IServiceCollection services)
        where TStep : class, IWarmUpStep
    {
        services.TryAddEnumerable(ServiceDescriptor.Scoped<IWarmUpStep, TStep>());
        return services;
    }
}
