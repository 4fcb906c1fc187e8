using ConsentPlatform.Consent.Messaging;
using ConsentPlatform.Hosting.Messaging;
using ConsentPlatform.Hosting.Persistence;

namespace ConsentPlatform.Consent;

/// <summary>Everything the consent service registers and maps, one extension method per concern.</summary>
public static class ConsentModule
{
    public const string ServiceName = "consent";

    public static WebApplicationBuilder AddConsent(this WebApplicationBuilder builder)
    {
        builder.AddPlatformMarten(schemaName: "consent");
        builder.AddPlatformMessaging(bus => bus.AddConsumer<ConsentPingConsumer>());
        return builder;
    }

    public static WebApplication MapConsentApi(this WebApplication app) => app;
}
