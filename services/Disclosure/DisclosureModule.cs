using MassTransit;

namespace ConsentPlatform.Disclosure;

/// <summary>Everything the disclosure service registers and maps, one extension method per concern.</summary>
public static class DisclosureModule
{
    public const string ServiceName = "disclosure";

    public static WebApplicationBuilder AddDisclosure(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformMarten(schemaName: "disclosure", options =>
            {
                // Issue 24: the internal events are DisclosureEvent.X, apart from the published
                // contracts; PostgreSQL keeps the names they were first stored under.
                options.Events.AddStoredEventTypes(DisclosureEvent.StoredNames);

                // Inline: the disclosure document is written in the same transaction as its events.
                options.Projections.Add(new DisclosureProjection(), ProjectionLifecycle.Inline);
                var disclosures = options.Schema.For<DisclosureState>();
                disclosures.Index(d => d.Request.SubjectId);
                disclosures.Index(d => d.AvailableUntil);
                options.Schema.For<SealedPackage>();
                options.Schema.For<PackageDataKey>();
            })
            .ForwardEventsToBroker<DisclosureEventContracts>();
        builder.AddPlatformMessaging(ServiceName, bus =>
        {
            // The live checks ask through CoalescedChecks' batch request clients (issue 23).
            bus.AddConsumer<ConsentChangeConsumer, ConsentChangeConsumerDefinition>();
        });

        builder.Services.AddOptions<LiveCheckOptions>().BindConfiguration(LiveCheckOptions.Section);
        builder.Services.AddOptions<ConsentChangeOptions>().BindConfiguration(ConsentChangeOptions.Section);
        builder.Services.AddOptions<OverrideOversightOptions>().BindConfiguration(OverrideOversightOptions.Section);
        builder.Services.AddSingleton<NoticeDelaySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NoticeDelaySweeper>());
        builder.Services.AddSingleton<CheckPipelines>();
        builder.Services.AddReceiveEndpointObserver<BrokerReturnClosesCircuits>();
        builder.Services.AddSingleton<CoalescedChecks>();
        builder.Services.AddScoped<LiveChecks>();
        builder.Services.AddWarmUpStep<LiveCheckWarmUp>();
        builder.Services.AddSingleton<GroupCommit>();
        // Loaded now, so that a missing or malformed key stops the service at start, not at the first release.
        builder.Services.AddSingleton(PayloadProtector.FromConfiguration(builder.Configuration, TimeProvider.System));
        builder.Services.AddAuthorizationBuilder().AddDisclosurePolicies();
        builder.Services.AddSingleton<PurgeSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PurgeSweeper>());
        return builder;
    }

    public static WebApplication MapDisclosureApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var disclosures = app.MapGroup("/api/disclosures")
            .RequireAuthorization(DisclosurePolicies.Read)
            .WithTags("Disclosures");
        disclosures
            .MapRequestDisclosure()
            .MapApproveOverride()
            .MapReleaseDisclosure()
            .MapReadPackage()
            .MapAnswerDeletion()
            .MapReviewOverride()
            .MapDelayOverrideNotice()
            .MapGetDisclosure()
            .MapListSubjectDisclosures();
        return app;
    }
}
