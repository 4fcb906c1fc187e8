using ConsentPlatform.AppHost;
using Microsoft.Extensions.DependencyInjection;

// The platform, described once: what infra/up runs (docs: infra/README.md, "The AppHost").
var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder);

var (postgres, rabbitmq) = builder.AddLocalDependencies(settings);

var consent = builder.AddProject<Projects.ConsentPlatform_Consent>("consent", o => o.ExcludeLaunchProfile = true)
    .AsPlatformService(settings, database: "consent", postgres, rabbitmq)
    .WithEnvironment("Consent__ReceiptKeyFile", settings.Key("consent-receipt-key.json"));
var dsaRegistry = builder.AddProject<Projects.ConsentPlatform_DsaRegistry>("dsa-registry", o => o.ExcludeLaunchProfile = true)
    .AsPlatformService(settings, database: "dsa_registry", postgres, rabbitmq);
var disclosure = builder.AddProject<Projects.ConsentPlatform_Disclosure>("disclosure", o => o.ExcludeLaunchProfile = true)
    .AsPlatformService(settings, database: "disclosure", postgres, rabbitmq);
var audit = builder.AddProject<Projects.ConsentPlatform_Audit>("audit", o => o.ExcludeLaunchProfile = true)
    .AsPlatformService(settings, database: "audit", postgres, rabbitmq)
    .WithEnvironment("Audit__CheckpointKeyFile", settings.Key("audit-checkpoint-key"));

// The portal has no database or broker: it calls the API through the gateway.
var portal = builder.AddProject<Projects.ConsentPlatform_Portal>("portal", o => o.ExcludeLaunchProfile = true)
    .AsPlatformProcess(settings)
    .WithEnvironment("Gateway__BaseAddress", settings.Url("gateway"))
    .WithEnvironment("Portal__DataProtectionKeys", settings.Key("portal"));

builder.AddProject<Projects.ConsentPlatform_Gateway>("gateway", o => o.ExcludeLaunchProfile = true)
    .AsPlatformProcess(settings)
    .WithEnvironment("Services__Consent", settings.Url(consent.Resource.Name))
    .WithEnvironment("Services__DsaRegistry", settings.Url(dsaRegistry.Resource.Name))
    .WithEnvironment("Services__Disclosure", settings.Url(disclosure.Resource.Name))
    .WithEnvironment("Services__Audit", settings.Url(audit.Resource.Name))
    .WithEnvironment("Services__Portal", settings.Url(portal.Resource.Name))
    // Only to ask the DSA registry which tenants are onboarded (issue 18).
    .WithBroker(settings, rabbitmq, "gateway")
    .WaitFor(consent).WaitFor(dsaRegistry).WaitFor(disclosure).WaitFor(audit).WaitFor(portal);

builder.Services.AddHostedService<ResourceLogFiles>();
builder.Build().Run();
