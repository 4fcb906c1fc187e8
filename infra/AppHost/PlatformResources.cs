namespace ConsentPlatform.AppHost;

/// <summary>
/// The configuration contract of infra/README.md ("What the processes are given"), as resources:
/// each process on its own loopback port, in local token mode, healthy when <c>/health/ready</c>
/// answers 200; each service with its own database role and broker user.
/// </summary>
public static class PlatformResources
{
    /// <summary>The app's project, run by dcp with <c>dotnet run --no-build</c>, without a launch profile.</summary>
    public static IResourceBuilder<ProjectResource> AddPlatformProject(this IDistributedApplicationBuilder builder, PlatformApp app, PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(settings);
        return builder.AddProject(app.Name, Path.Combine(settings.RepositoryRoot, app.Project), o => o.ExcludeLaunchProfile = true);
    }

    /// <summary>What every process is given: its URL, workstation GC, local tokens, telemetry and a readiness check.</summary>
    public static IResourceBuilder<ProjectResource> AsPlatformProcess(this IResourceBuilder<ProjectResource> process, PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(settings);
        var port = settings.Ports[process.Resource.Name];
        process
            .WithHttpEndpoint(port: port, targetPort: port, name: "http", isProxied: false)
            .WithEndpoint("http", e => e.TargetHost = "127.0.0.1");
        foreach (var (setting, value) in PlatformApps.CommonSettings(port, settings.Issuer, settings.Key("local-issuer-key.json")))
        {
            process.WithEnvironment(setting, value);
        }

        return process
            // OTEL_EXPORTER_OTLP_ENDPOINT (the dashboard's) is given to every project by the AppHost.
            .WithEnvironment("Telemetry__Exporter", settings.ExportTelemetry ? "otlp" : "none")
            .WithHttpHealthCheck("/health/ready");
    }

    /// <summary>A service: a process with its own database (as its own role), its own broker user and its key files.</summary>
    public static IResourceBuilder<ProjectResource> AsPlatformService(
        this IResourceBuilder<ProjectResource> service,
        PlatformSettings settings,
        PlatformApp app,
        Dependencies dependencies)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(dependencies);
        var database = app.Database ?? throw new ArgumentException($"{app.Name} has no database", nameof(app));
        var password = dependencies.DatabasePasswords[app.Name];
        var prefix = $"Host=127.0.0.1;Port={settings.PostgresPort};Database={database};Username=cp_{database};Password=";
        service
            .AsPlatformProcess(settings)
            .WithEnvironment("ConnectionStrings__Marten", ReferenceExpression.Create($"{prefix}{password.Resource}"))
            .WithBroker(settings, dependencies, app)
            .WaitFor(dependencies.Postgres);
        foreach (var (setting, file) in app.KeyFiles) service.WithEnvironment(setting, settings.Key(file));
        return service;
    }

    /// <summary>The broker, as the process's own user <c>cp-&lt;name&gt;</c> (infra/broker-permissions).</summary>
    public static IResourceBuilder<ProjectResource> WithBroker(
        this IResourceBuilder<ProjectResource> process,
        PlatformSettings settings,
        Dependencies dependencies,
        PlatformApp app)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(dependencies);
        ArgumentNullException.ThrowIfNull(app);
        var user = app.BrokerUser ?? throw new ArgumentException($"{app.Name} has no broker user", nameof(app));
        process
            .WithEnvironment("RabbitMq__Host", "127.0.0.1")
            .WithEnvironment("RabbitMq__Port", settings.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RabbitMq__VirtualHost", "/")
            .WithEnvironment("RabbitMq__Username", $"cp-{user}")
            .WithEnvironment("RabbitMq__Password", dependencies.BrokerPasswords[app.Name])
            .WaitFor(dependencies.RabbitMq);
        if (dependencies.BrokerUsers is not null) process.WaitForCompletion(dependencies.BrokerUsers);
        return process;
    }
}
