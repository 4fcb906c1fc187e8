namespace ConsentPlatform.Hosting.Persistence;

public static class PlatformMarten
{
    public const string ConnectionStringName = "Marten";

    /// <summary>
    /// Npgsql options added to the service's connection string, after it (so they win), so that a
    /// setting can be measured or switched off without editing code:
    /// <c>bench/run --settings '*:Persistence__NpgsqlOptions=Max Auto Prepare=0'</c>.
    /// </summary>
    public const string NpgsqlOptionsSetting = "Persistence:NpgsqlOptions";

    /// <summary>
    /// What every service's connection string gets unless it or <see cref="NpgsqlOptionsSetting"/> says
    /// otherwise: Npgsql prepares the 32 statements a connection runs most (issue 23, measured in
    /// docs/performance.md: PostgreSQL's CPU per decision −22 to −27 %, the best closed loop +13 to +19 %,
    /// the ledger's lag halved). The one cost: after a schema change under a live pool, the first run of
    /// a prepared statement on each connection fails once (<c>0A000 cached plan must not change result
    /// type</c>), Npgsql drops that preparation and the next run prepares it again. A share that meets it
    /// fails closed like any database error; schemas change only when a new version starts.
    /// </summary>
    public const string DefaultNpgsqlOptions = "Max Auto Prepare=32";

    /// <summary>
    /// The service's connection string (<c>ConnectionStrings:Marten</c>) on top of <see cref="DefaultNpgsqlOptions"/>,
    /// with the <see cref="NpgsqlOptionsSetting"/> if any on top of both (a key given twice: the last one counts).
    /// </summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName)
                               ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
        string[] layers = [DefaultNpgsqlOptions, connectionString, configuration[NpgsqlOptionsSetting] ?? ""];
        return new NpgsqlConnectionStringBuilder(string.Join(';', layers.Select(l => l.Trim().Trim(';')).Where(l => l.Length > 0))).ConnectionString;
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
                // How often the async daemon looks for new events: the forwarder's floor of lag (issue 23).
                ForwarderPolling.Apply(options.Projections, builder.Configuration);
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
