namespace ConsentPlatform.Audit;

/// <summary>
/// Everything the audit service registers and maps, one extension method per concern. The ledger
/// lives in tables of its own in the service's database (docs/adr/0004), not in a Marten event
/// store: it needs a gap-free sequence and a hash chain under one lock.
/// </summary>
public static class AuditModule
{
    public const string ServiceName = "audit";

    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var connectionString = PlatformMarten.ConnectionString(builder.Configuration);
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
        builder.Services.AddSingleton<LedgerDatabase>();
        builder.Services.AddSingleton<LedgerWriter>();
        builder.Services.AddSingleton<LedgerReader>();
        builder.Services.AddHostedService<LedgerSchemaInitializer>();
        // The young carer's view is a read model folded in the ledger's own transactions (ADR 0017).
        builder.Services.AddTransparencyReadModel();
        builder.Services.AddSingleton<AuditMetrics>();
        AddCheckpoints(builder);
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            "postgres", _ => new PostgresHealthCheck(connectionString), failureStatus: null, tags: [HealthEndpoints.ReadyTag]));
        builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddMeter(AuditMetrics.MeterName));

        // Errors under /fhir are OperationOutcomes (issue 21).
        builder.Services.AddFhirOutcomes();
        builder.Services.AddSingleton<LedgerFaultReporter>();
        builder.Services.AddReceiveObserver(sp => sp.GetRequiredService<LedgerFaultReporter>());
        // Read once here so that a wrong value stops the start with its reason, before the bus is built.
        _ = LedgerConsumerDefinition.BatchLimitOf(builder.Configuration);
        builder.AddPlatformMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<LedgerConsumer, LedgerConsumerDefinition>();
            // A young carer's own views (/api/me/…) need the ledger id their sign-in is linked to: asked of the consent service.
            bus.AddSubjectLinksOverBroker(builder.Services);
        });
        return builder;
    }

    /// <summary>
    /// Signed checkpoints of the ledger's Merkle tree (issue 19): the key file (created at first
    /// start, like the issuer's), the signer, and the witnesses whose cosignatures are accepted.
    /// </summary>
    private static void AddCheckpoints(WebApplicationBuilder builder)
    {
        builder.Services.Configure<CheckpointOptions>(builder.Configuration.GetSection(CheckpointOptions.Section));
        builder.Services.AddSingleton(_ => CheckpointKey.LoadOrCreate(
            CheckpointKey.KeyFileOf(builder.Configuration),
            builder.Configuration[CheckpointKey.OriginSetting] ?? CheckpointKey.DefaultOrigin));
        builder.Services.AddSingleton<CheckpointSigner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CheckpointSigner>());
    }

    public static WebApplication MapAuditApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/audit")
            .WithTags("Audit")
            .MapListEntries()
            .MapVerifyLedger()
            .MapAuditStatistics()
            .MapReplayDisclosure()
            .MapCheckpoints()
            .MapExportBundle();
        // Issue 22: statistics for analysts (and auditors), by fixed reporting period only.
        app.MapGroup("/api/stats")
            .WithTags("Statistics")
            .MapStatistics();
        app.MapGroup("/api/me")
            .WithTags("Transparency")
            .MapMyDisclosures()
            .MapMyProofs();
        // The FHIR R4 facade's AuditEvent (issue 21; Fhir/).
        app.MapAuditEventFhir();
        return app;
    }
}
