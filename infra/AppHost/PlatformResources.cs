using System.Net.Sockets;
using Aspire.Hosting.ApplicationModel;
using ConsentPlatform.Description;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ConsentPlatform.AppHost;

/// <summary>
/// The configuration contract of infra/README.md ("What the processes are given"), as resources:
/// each process on its own loopback port, in local token mode, healthy when <c>/health/ready</c>
/// answers 200; each service with its own database role and broker user.
/// </summary>
public static class PlatformResources
{
    /// <summary>
    /// RabbitMQ and PostgreSQL as the local Debian processes <c>infra/deps up</c> started before the
    /// AppHost: connection-string resources, healthy once their port accepts connections.
    /// </summary>
    public static (IResourceBuilder<IResourceWithConnectionString> Postgres, IResourceBuilder<IResourceWithConnectionString> RabbitMq)
        AddLocalDependencies(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddHealthChecks()
            .AddCheck("postgres-listens", new Listening(settings.PostgresPort))
            .AddCheck("rabbitmq-listens", new Listening(settings.RabbitMqPort));
        var postgres = builder.AddConnectionString("postgres",
                b => b.AppendLiteral($"Host=127.0.0.1;Port={settings.PostgresPort}"))
            .WithHealthCheck("postgres-listens");
        var rabbitmq = builder.AddConnectionString("rabbitmq",
                b => b.AppendLiteral($"amqp://127.0.0.1:{settings.RabbitMqPort}/"))
            .WithHealthCheck("rabbitmq-listens");
        return (postgres, rabbitmq);
    }

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
        return process
            .WithHttpEndpoint(port: port, targetPort: port, name: "http", isProxied: false)
            .WithEndpoint("http", e => e.TargetHost = "127.0.0.1")
            .WithEnvironment("ASPNETCORE_URLS", settings.Url(process.Resource.Name))
            .WithEnvironment("DOTNET_gcServer", "0")
            .WithEnvironment("Auth__Mode", "Local")
            .WithEnvironment("Auth__Local__Issuer", settings.Issuer)
            .WithEnvironment("Auth__Local__KeyFile", settings.Key("local-issuer-key.json"))
            // OTEL_EXPORTER_OTLP_ENDPOINT (the dashboard's) is given to every project by the AppHost.
            .WithEnvironment("Telemetry__Exporter", settings.ExportTelemetry ? "otlp" : "none")
            .WithHttpHealthCheck("/health/ready");
    }

    /// <summary>A service: a process with its own database (as its own role), its own broker user and its key files.</summary>
    public static IResourceBuilder<ProjectResource> AsPlatformService(
        this IResourceBuilder<ProjectResource> service,
        PlatformSettings settings,
        PlatformApp app,
        IResourceBuilder<IResourceWithConnectionString> postgres,
        IResourceBuilder<IResourceWithConnectionString> rabbitmq)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(app);
        var database = app.Database ?? throw new ArgumentException($"{app.Name} has no database", nameof(app));
        var password = service.ApplicationBuilder.AddParameter(
            $"{app.Name}-database-password", () => settings.Secret($"postgres-{database}"), secret: true);
        var prefix = $"Host=127.0.0.1;Port={settings.PostgresPort};Database={database};Username=cp_{database};Password=";
        service
            .AsPlatformProcess(settings)
            .WithEnvironment("ConnectionStrings__Marten", ReferenceExpression.Create($"{prefix}{password.Resource}"))
            .WithBroker(settings, rabbitmq, app)
            .WaitFor(postgres);
        foreach (var (setting, file) in app.KeyFiles) service.WithEnvironment(setting, settings.Key(file));
        return service;
    }

    /// <summary>The broker, as the process's own user <c>cp-&lt;name&gt;</c> (infra/broker-permissions).</summary>
    public static IResourceBuilder<ProjectResource> WithBroker(
        this IResourceBuilder<ProjectResource> process,
        PlatformSettings settings,
        IResourceBuilder<IResourceWithConnectionString> rabbitmq,
        PlatformApp app)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(app);
        var user = app.BrokerUser ?? throw new ArgumentException($"{app.Name} has no broker user", nameof(app));
        var password = process.ApplicationBuilder.AddParameter(
            $"{process.Resource.Name}-broker-password", () => settings.Secret($"rabbitmq-{user}"), secret: true);
        return process
            .WithEnvironment("RabbitMq__Host", "127.0.0.1")
            .WithEnvironment("RabbitMq__Port", settings.RabbitMqPort.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithEnvironment("RabbitMq__VirtualHost", "/")
            .WithEnvironment("RabbitMq__Username", $"cp-{user}")
            .WithEnvironment("RabbitMq__Password", password)
            .WaitFor(rabbitmq);
    }

    /// <summary>Healthy when something accepts TCP connections on 127.0.0.1:port.</summary>
    private sealed class Listening(int port) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync("127.0.0.1", port, cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (SocketException e)
            {
                return HealthCheckResult.Unhealthy($"nothing listens on 127.0.0.1:{port} (infra/deps up starts it)", e);
            }
        }
    }
}
