// The platform, described once: what infra/up runs (docs: infra/README.md, "The AppHost").
// The processes themselves are listed in PlatformApps.cs, which the process suites read too.
var builder = DistributedApplication.CreateBuilder(args);
var settings = PlatformSettings.From(builder);

var dependencies = builder.AddDependencies(settings);

var services = PlatformApps.Services.Select(service => builder.AddPlatformProject(service, settings)
    .AsPlatformService(settings, service, dependencies)).ToList();

// The portal has no database or broker: it calls the API through the gateway.
var portal = builder.AddPlatformProject(PlatformApps.Portal, settings)
    .AsPlatformProcess(settings)
    .WithEnvironment("Gateway__BaseAddress", settings.Url(PlatformApps.Gateway.Name))
    .WithEnvironment("Portal__DataProtectionKeys", settings.Key("portal"));

var gateway = builder.AddPlatformProject(PlatformApps.Gateway, settings)
    .AsPlatformProcess(settings)
    .WithBroker(settings, dependencies, PlatformApps.Gateway);
foreach (var (app, resource) in PlatformApps.Services.Append(PlatformApps.Portal).Zip(services.Append(portal)))
{
    gateway.WithEnvironment($"Services__{app.SectionName}", settings.Url(app.Name)).WaitFor(resource);
}

// Only when running: publishing the manifest starts no process and writes no log.
if (builder.ExecutionContext.IsRunMode) builder.Services.AddHostedService<ResourceLogFiles>();
builder.Build().Run();
