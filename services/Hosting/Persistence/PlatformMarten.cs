namespace ConsentPlatform.Hosting.Persistence;

public static class PlatformMarten
{
    public const string ConnectionStringName = "Marten";

    /// <summary>
    /// The service's own Marten event store, in the database named by <c>ConnectionStrings:Marten</c>
    /// (one database per service; no service reads another's). Its health check is named
    /// <c>postgres</c> and gates readiness.
    /// </summary>
    public static MartenServiceCollectionExtensions.MartenConfigurationExpression AddPlatformMarten(this WebApplicationBuilder builder, string schemaName, Action<StoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName)
                               ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");

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
