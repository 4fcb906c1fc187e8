namespace ConsentPlatform.Hosting.Persistence;

public static class PlatformMarten
{
    public const string ConnectionStringName = "Marten";

    /// <summary>
    /// Npgsql options appended to the service's connection string (none by default), so that a
    /// setting such as prepared statements can be measured without editing code:
    /// <c>bench/run --settings '*:Persistence__NpgsqlOptions=Max Auto Prepare=32'</c>.
    /// </summary>
    public const string NpgsqlOptionsSetting = "Persistence:NpgsqlOptions";

    /// <summary>The service's connection string (<c>ConnectionStrings:Marten</c>), with the <see cref="NpgsqlOptionsSetting"/> if any.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
                               ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        return configuration[NpgsqlOptionsSetting] is { Length: > 0 } options
            ? new NpgsqlConnectionStringBuilder($"{connectionString.TrimEnd(';')};{options}").ConnectionString
            : connectionString;
    }

    /// <summary>
    /// The service's own Marten event store, in the database named by <c>ConnectionStrings:Marten</c>
    /// (one database per service; no service reads another's). Its health check is named
    /// <c>postgres</c> and gates readiness.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddPlatformMarten(this WebApplicationBuilder builder, string schemaName, Action<StoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = ConnectionString(builder.Configuration);

        var marten = builder.Services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = schemaName;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.CamelCase);
                // The trace context of the request that appended an event (TraceContext).
                options.Events.MetadataConfig.HeadersEnabled = true;
                configure?.Invoke(options);
            })
            // Lightweight sessions, stamped with the request's trace context.
            .BuildSessionsWith<TracedSessions>()
            // Every table exists before the first request: no DDL on a hot path, no race between
            // two first requests, and a reader never meets a table that is not there yet.
            .ApplyAllDatabaseChangesOnStartup();

        builder.Services.AddHealthChecks()
            .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "postgres",
                _ => new PostgresHealthCheck(connectionString),
                failureStatus: null,
                tags: [HealthEndpoints.ReadyTag]));
        builder.Services.AddWarmUpStep<MartenWarmUp>();
        return marten;
    }
}
