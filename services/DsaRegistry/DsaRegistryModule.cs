namespace ConsentPlatform.DsaRegistry;

/// <summary>Everything the dsa-registry service registers and maps, one extension method per concern.</summary>
public static class DsaRegistryModule
{
    public const string ServiceName = "dsa-registry";

    public static WebApplicationBuilder AddDsaRegistry(this WebApplicationBuilder builder)
    {
        builder.AddPlatformMarten(schemaName: "dsa_registry", options =>
            {
                // Issue 24: the internal events are AgreementEvent.X / TenantEvent.X, apart from the
                // published contracts; PostgreSQL keeps the names they were first stored under.
                options.Events.AddStoredEventTypes(AgreementEvent.StoredNames.Concat(TenantEvent.StoredNames));

                // Inline: the read model changes in the same transaction as the events, so the
                // next read or scope check sees a suspension at once.
                options.Projections.Add<AgreementProjection>(ProjectionLifecycle.Inline);
                options.Projections.Add<TenantRegistryProjection>(ProjectionLifecycle.Inline);
            })
            .ForwardEventsToBroker<DsaEventContracts>();
        builder.AddPlatformMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<CheckDsaScopeConsumer>();
            bus.AddConsumer<CheckDsaScopeBatchConsumer>();
            bus.AddConsumer<CheckDsaPartyConsumer>();
            bus.AddConsumer<ExplainConsentPurposeConsumer>();
            bus.AddConsumer<ListOnboardedTenantsConsumer>();
        });
        builder.Services.AddWarmUpStep<ScopeCheckWarmUp>();
        return builder;
    }

    public static WebApplication MapDsaRegistryApi(this WebApplication app)
    {
        app.MapGroup("/api/dsas")
            .WithTags("DSA registry")
            .MapListTemplates()
            .MapDraftDsa()
            .MapAmendDsa()
            .MapSignDsa()
            .MapActivateDsa()
            .MapSuspendDsa()
            .MapReinstateDsa()
            .MapTerminateDsa()
            .MapListDsas()
            .MapGetDsa()
            .MapDsaHistory();
        // Issue 18: the ledgered registry of onboarded identity tenants, for platform administrators.
        app.MapGroup("/api/tenants")
            .WithTags("Tenant registry")
            .MapListTenants()
            .MapOnboardTenant()
            .MapOffboardTenant();
        return app;
    }
}
