using ConsentPlatform.Disclosure.Messaging;
using ConsentPlatform.Hosting.Messaging;
using ConsentPlatform.Hosting.Persistence;

namespace ConsentPlatform.Disclosure;

/// <summary>Everything the disclosure service registers and maps, one extension method per concern.</summary>
public static class DisclosureModule
{
    public const string ServiceName = "disclosure";

    public static WebApplicationBuilder AddDisclosure(this WebApplicationBuilder builder)
    {
        builder.AddPlatformMarten(schemaName: "disclosure");
        builder.AddPlatformMessaging(bus => bus.AddConsumer<DisclosurePingConsumer>());
        return builder;
    }

    public static WebApplication MapDisclosureApi(this WebApplication app) => app;
}
