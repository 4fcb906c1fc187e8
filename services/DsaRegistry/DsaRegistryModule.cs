using ConsentPlatform.DsaRegistry.Messaging;
using ConsentPlatform.Hosting.Messaging;
using ConsentPlatform.Hosting.Persistence;

namespace ConsentPlatform.DsaRegistry;

/// <summary>Everything the dsa-registry service registers and maps, one extension method per concern.</summary>
public static class DsaRegistryModule
{
    public const string ServiceName = "dsa-registry";

    public static WebApplicationBuilder AddDsaRegistry(this WebApplicationBuilder builder)
    {
        builder.AddPlatformMarten(schemaName: "dsa_registry");
        builder.AddPlatformMessaging(bus => bus.AddConsumer<DsaRegistryPingConsumer>());
        return builder;
    }

    public static WebApplication MapDsaRegistryApi(this WebApplication app) => app;
}
