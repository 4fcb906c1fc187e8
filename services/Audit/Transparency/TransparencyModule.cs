namespace ConsentPlatform.Audit.Transparency;

/// <summary>The young carer's transparency view's read model: the projection the views read, and its catch-up.</summary>
public static class TransparencyModule
{
    public static IServiceCollection AddTransparencyReadModel(this IServiceCollection services)
    {
        services.AddSingleton<TransparencyProjection>();
        services.AddHostedService<TransparencyCatchUp>();
        return services;
    }
}
