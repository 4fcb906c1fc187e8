namespace ConsentPlatform.AppHost;

/// <summary>
/// RabbitMQ and PostgreSQL, and each service's passwords for them. Either way they listen on
/// 127.0.0.1:<c>RABBITMQ_PORT</c> and <c>POSTGRES_PORT</c>, so the apps are given the same settings,
/// and each is healthy once its port accepts connections.
/// </summary>
public sealed record Dependencies(
    IResourceBuilder<IResource> Postgres,
    IResourceBuilder<IResource> RabbitMq,
    IResourceBuilder<IResource>? BrokerUsers,
    IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> DatabasePasswords,
    IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> BrokerPasswords);

public static class DependencyResources
{
    /// <summary>
    /// <c>CP_DEPENDENCIES=local</c> (the default): the local Debian processes <c>infra/deps up</c> started
    /// before the AppHost, as connection-string resources. <c>containers</c>: the images docker-compose.yml
    /// runs, where a Docker engine answers (not run on our machines: none has one).
    /// </summary>
    public static Dependencies AddDependencies(this IDistributedApplicationBuilder builder, PlatformSettings settings)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(settings);
        builder.Services.AddSingleton(settings);
        builder.Services.AddHealthChecks()
            .AddCheck("postgres-listens", new Listening(settings.PostgresPort))
            .AddCheck("rabbitmq-listens", new Listening(settings.RabbitMqPort));
        // Made once into .state/keys by infra/deps (or, with containers, by the AppHost itself).
        var databasePasswords = PlatformApps.Services.ToDictionary(a => a.Name, a => builder.AddParameter(
            $"{a.Name}-database-password", () => settings.Secret($"postgres-{a.Database}"), secret: true));
        var brokerPasswords = PlatformApps.All.Where(a => a.BrokerUser is not null).ToDictionary(a => a.Name, a => builder.AddParameter(
            $"{a.Name}-broker-password", () => settings.Secret($"rabbitmq-{a.BrokerUser}"), secret: true));
        return settings.Containers
            ? AddContainers(builder, settings, databasePasswords, brokerPasswords)
            : new Dependencies(
                builder.AddConnectionString("postgres", b => b.AppendLiteral($"Host=127.0.0.1;Port={settings.PostgresPort}"))
                    .WithHealthCheck("postgres-listens"),
                builder.AddConnectionString("rabbitmq", b => b.AppendLiteral($"amqp://127.0.0.1:{settings.RabbitMqPort}/"))
                    .WithHealthCheck("rabbitmq-listens"),
                null,
                databasePasswords,
                brokerPasswords);
    }

    /// <summary>The containers of docker-compose.yml: the same images, initialisation scripts and one-shot broker-users.</summary>
    private static Dependencies AddContainers(
        IDistributedApplicationBuilder builder,
        PlatformSettings settings,
        Dictionary<string, IResourceBuilder<ParameterResource>> databasePasswords,
        Dictionary<string, IResourceBuilder<ParameterResource>> brokerPasswords)
    {
        var docker = Path.Combine(settings.RepositoryRoot, "infra", "docker");
        var postgres = builder.AddContainer("postgres", "postgres", "16")
            .WithEndpoint(port: settings.PostgresPort, targetPort: 5432, name: "tcp", isProxied: false)
            .WithEnvironment("POSTGRES_USER", "postgres")
            .WithEnvironment("POSTGRES_PASSWORD", "postgres")
            .WithVolume("consentplatform-postgres-data", "/var/lib/postgresql/data")
            // The databases, and each its own role (infra/docker/initdb/02-roles.sh reads CP_<DB>_DB_PASSWORD).
            .WithBindMount(Path.Combine(docker, "initdb"), "/docker-entrypoint-initdb.d", isReadOnly: true)
            .WithHealthCheck("postgres-listens");
        foreach (var app in PlatformApps.Services)
            postgres.WithEnvironment($"CP_{app.Database!.ToUpperInvariant()}_DB_PASSWORD", databasePasswords[app.Name]);

        var rabbitmq = builder.AddContainer("rabbitmq", "rabbitmq", "3-management")
            .WithEndpoint(port: settings.RabbitMqPort, targetPort: 5672, name: "tcp", isProxied: false)
            .WithEnvironment("RABBITMQ_DEFAULT_USER", "consentplatform")
            .WithEnvironment("RABBITMQ_DEFAULT_PASS", "consentplatform")
            .WithVolume("consentplatform-rabbitmq-data", "/var/lib/rabbitmq")
            .WithHealthCheck("rabbitmq-listens");

        // Each service's own broker user and permissions (infra/broker-permissions), once, before the services.
        var brokerUsers = builder.AddContainer("broker-users", "curlimages/curl", "8.11.1")
            .WithEntrypoint("sh")
            .WithArgs("/infra/docker/broker-users.sh")
            .WithBindMount(Path.Combine(settings.RepositoryRoot, "infra", "broker-permissions"), "/infra/broker-permissions", isReadOnly: true)
            .WithBindMount(Path.Combine(docker, "broker-users.sh"), "/infra/docker/broker-users.sh", isReadOnly: true)
            .WithEnvironment("RABBITMQ_ADMIN_USER", "consentplatform")
            .WithEnvironment("RABBITMQ_ADMIN_PASSWORD", "consentplatform")
            .WaitFor(rabbitmq);
        foreach (var app in PlatformApps.All.Where(a => a.BrokerUser is not null))
            brokerUsers.WithEnvironment($"CP_{app.BrokerUser!.Replace('-', '_').ToUpperInvariant()}_BROKER_PASSWORD", brokerPasswords[app.Name]);

        return new Dependencies(postgres, rabbitmq, brokerUsers, databasePasswords, brokerPasswords);
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
