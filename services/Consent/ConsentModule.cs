using MassTransit;

namespace ConsentPlatform.Consent;

/// <summary>Everything the consent service registers and maps, one extension method per concern.</summary>
public static class ConsentModule
{
    public const string ServiceName = "consent";

    public static WebApplicationBuilder AddConsent(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddPlatformMarten(schemaName: "consent", options =>
            {
                // Each event under the name it was always stored under, whatever its type is called now.
                foreach (var (type, name) in StoredEventNames.All) options.Events.MapEventType(type, name);
                options.Events.AddEventTypes([typeof(LinkCodeIssued), typeof(SignInLinked), typeof(SignInUnlinked)]);
                // Inline: the consent document is written in the same transaction as its events.
                options.Projections.Add(new ConsentProjection(), ProjectionLifecycle.Inline);
                var consents = options.Schema.For<ConsentState>();
                // The database's guarantee of one live consent per subject and purpose.
                consents.UniqueIndex(UniqueIndexType.Computed, "consent_one_live_per_subject_purpose", c => c.LiveKey!);
                consents.Index(c => c.Terms.SubjectId);
                // One document per use, keyed by the disclosure event's id; counted per consent.
                options.Schema.For<ConsentUse>().Index(u => u.ConsentId);
                // One receipt per consent version (its id); listed per consent.
                options.Schema.For<ConsentReceipt>().Index(r => r.ConsentId);
                // Link codes and the links they made (issue 18), inline: a code used is used for the very next request.
                options.Projections.Add(new SubjectLinkProjection(), ProjectionLifecycle.Inline);
                var links = options.Schema.For<SubjectLink>();
                links.UniqueIndex(UniqueIndexType.Computed, "subject_link_code_hash", l => l.CodeHash);
                links.Index(l => l.SignInHash);
                links.Index(l => l.SubjectId);
                // Competence assessments (issue 20), inline: a proxy consent right after sees the assessment.
                options.Projections.Add(new CompetenceProjection(), ProjectionLifecycle.Inline);
                options.Schema.For<CompetenceAssessment>().Index(a => a.SubjectId);
            })
            .ForwardEventsToBroker<ConsentEventContracts>()
            .AddSubscriptionWithServices<ReceiptIssuingSubscription>(ServiceLifetime.Singleton, o =>
            {
                o.Name = ReceiptIssuingSubscription.SubscriptionName;
                o.IncludeType<ConsentEvent.Granted>();
                o.IncludeType<ConsentEvent.Accepted>();
                o.IncludeType<ConsentEvent.Paused>();
                o.IncludeType<ConsentEvent.Resumed>();
                o.IncludeType<ConsentEvent.Withdrawn>();
                o.IncludeType<ConsentEvent.ProxyConfirmed>();
            });
        // Read, and created if missing, once: the receipt subscription needs it as the daemon starts.
        builder.Services.AddSingleton(sp => ReceiptKey.LoadOrCreate(ReceiptKey.KeyFileOf(sp.GetRequiredService<IConfiguration>())));
        builder.AddPlatformMessaging(ServiceName, bus =>
        {
            bus.AddConsumer<CheckConsentConsumer>();
            bus.AddConsumer<CheckConsentBatchConsumer>();
            // Who may see a consent without a recipient list: asked of the DSA registry.
            bus.AddRequestClient<CheckDsaParty>();
            // What the agreements covering a consent's purpose say, to explain it: asked of the DSA registry.
            bus.AddRequestClient<ExplainConsentPurpose>();
            // The uses of each consent, from the disclosure service's published events (queue consent-uses).
            bus.AddConsumer<ConsentUseConsumer, ConsentUseConsumerDefinition>();
            // Which ledger id a young carer's sign-in acts for, for the other services (queue resolve-subject-link).
            bus.AddConsumer<ResolveSubjectLinkConsumer>();
        });
        // This service's own endpoints resolve a young carer's sign-in from its own store.
        builder.Services.AddScoped<ISubjectLinks, SubjectLinkLookup>();
        builder.Services.Configure<LinkCodeOptions>(builder.Configuration.GetSection(LinkCodeOptions.Section));
        builder.Services.Configure<ConsentVisibilityOptions>(builder.Configuration.GetSection(ConsentVisibilityOptions.Section));
        builder.Services.AddScoped<ConsentVisibility>();
        builder.Services.AddScoped<AgreementExplanations>();
        builder.Services.Configure<ProposalOptions>(builder.Configuration.GetSection(ProposalOptions.Section));
        builder.Services.Configure<ProxyConfirmationOptions>(builder.Configuration.GetSection(ProxyConfirmationOptions.Section));
        builder.Services.AddAuthorizationBuilder().AddConsentPolicies();
        // Errors under /fhir are OperationOutcomes (issue 21).
        builder.Services.AddFhirOutcomes();
        builder.Services.AddWarmUpStep<CheckWarmUp>();
        builder.Services.AddSingleton<ExpirySweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ExpirySweeper>());
        return builder;
    }

    public static WebApplication MapConsentApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var consents = app.MapGroup("/api/consents")
            .RequireAuthorization(ConsentPolicies.Read)
            .WithTags("Consents");
        consents
            .MapGrantConsent()
            .MapProposeConsent()
            .MapAcceptProposal()
            .MapConfirmProxyConsent()
            .MapDeclineProposal()
            .MapPauseConsent()
            .MapResumeConsent()
            .MapWithdrawConsent()
            .MapGetConsent()
            .MapListSubjectConsents()
            .MapConsentHistory()
            .MapGetConsentExplanation()
            .MapListConsentReceipts()
            .MapGetReceiptKeys();
        app.MapGroup("/api/subjects")
            .WithTags("Competence")
            .MapCompetence();
        app.MapGroup("/api/link-codes")
            .WithTags("Linking sign-ins")
            .MapIssueLinkCode();
        app.MapGroup("/api/me/links")
            .WithTags("Linking sign-ins")
            .MapRedeemLinkCode()
            .MapMyLinks();
        // The FHIR R4 facade's Consent (issue 21; Fhir/).
        app.MapConsentFhir();
        return app;
    }
}
