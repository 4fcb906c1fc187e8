using ConsentPlatform.Audit.Messaging;
using ConsentPlatform.Hosting.Messaging;
using ConsentPlatform.Hosting.Persistence;

namespace ConsentPlatform.Audit;

/// <summary>Everything the audit service registers and maps, one extension method per concern.</summary>
public static class AuditModule
{
    public const string ServiceName = "audit";

    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.AddPlatformMarten(schemaName: "audit");
        builder.AddPlatformMessaging(bus => bus.AddConsumer<AuditPingConsumer>());
        return builder;
    }

    public static WebApplication MapAuditApi(this WebApplication app) => app;
}
