namespace ConsentPlatform.Gateway.Routing;

/// <summary>
/// The route table of the brief's API, built in code so that each route names its service and
/// the roles that may use it in one line. Paths are forwarded unchanged; so is the
/// Authorization header, which each service validates again.
/// </summary>
public static class ServiceProxy
{
    public const string Anonymous = "Anonymous";

    public static IReadOnlyList<RouteConfig> Routes() =>
    [
        Api("consents", "/api/consents/{**rest}", DownstreamServices.Consent, GatewayPolicies.ConsentApi),
        // Narrower than the consent API as a whole (literal segments outrank the catch-all): only a
        // practitioner proposes, only the young person answers; the service checks both again.
        Api("consent-proposals", "/api/consents/proposals", DownstreamServices.Consent, GatewayPolicies.ConsentProposalApi, ["POST"]),
        Api("consent-accept", "/api/consents/{id}/accept", DownstreamServices.Consent, GatewayPolicies.ConsentAnswerApi, ["POST"]),
        Api("consent-decline", "/api/consents/{id}/decline", DownstreamServices.Consent, GatewayPolicies.ConsentAnswerApi, ["POST"]),
        // Confirming a consent a parent or guardian gave (issue 20): the young person's own decision.
        Api("consent-confirm", "/api/consents/{id}/confirm", DownstreamServices.Consent, GatewayPolicies.ConsentAnswerApi, ["POST"]),
        // An anonymous API route: the public keys of consent receipts, so that whoever a young
        // person shows a receipt to can check it without an account. Exactly this path, GET only;
        // anything else under /api/consents still needs a token.
        Api("consent-receipt-keys", "/api/consents/receipt-keys", DownstreamServices.Consent, Anonymous, ["GET"]),
        Api("dsas", "/api/dsas/{**rest}", DownstreamServices.DsaRegistry, GatewayPolicies.DsaApi),
        // The ledgered registry of onboarded identity tenants (issue 18), kept by the DSA registry.
        Api("tenants", "/api/tenants/{**rest}", DownstreamServices.DsaRegistry, GatewayPolicies.TenantApi),
        Api("disclosures", "/api/disclosures/{**rest}", DownstreamServices.Disclosure, GatewayPolicies.DisclosureApi)
            with { RateLimiterPolicy = DisclosureAdmission.PolicyName },
        Api("audit", "/api/audit/{**rest}", DownstreamServices.Audit, GatewayPolicies.AuditApi),
        // Issue 19: the ledger's signed checkpoint, its verifier key and consistency proofs are for
        // anyone who wants to check the log without trusting us (they reveal sizes and hashes only).
        // Exactly these paths, GET only; inclusion proofs, leaves and everything else under
        // /api/audit still need an auditor's token.
        Api("audit-checkpoint", "/api/audit/checkpoint", DownstreamServices.Audit, Anonymous, ["GET"]),
        Api("audit-checkpoint-key", "/api/audit/checkpoint/key", DownstreamServices.Audit, Anonymous, ["GET"]),
        Api("audit-consistency-proof", "/api/audit/proofs/consistency", DownstreamServices.Audit, Anonymous, ["GET"]),
        // Issue 22: statistics by fixed reporting period, for analysts (who may see nothing else under /api/audit) and auditors.
        Api("statistics", "/api/stats/{**rest}", DownstreamServices.Audit, GatewayPolicies.StatisticsApi, ["GET"]),
        Api("audit-stats", "/api/audit/stats", DownstreamServices.Audit, GatewayPolicies.StatisticsApi, ["GET"]),
        Api("me", "/api/me/{**rest}", DownstreamServices.Audit, GatewayPolicies.MeApi),
        // A young carer's linked sign-ins (issue 18) are kept by the consent service: narrower than /api/me as a whole.
        Api("me-links", "/api/me/links/{**rest}", DownstreamServices.Consent, GatewayPolicies.MeApi),
        // A one-time link code for a young carer's sign-in: practitioners only, who must also see their consents.
        Api("link-codes", "/api/link-codes", DownstreamServices.Consent, GatewayPolicies.SubjectLinkCodeApi, ["POST"]),
        // A young person's competence assessments (issue 20): recorded by practitioners, read by them and the young person.
        Api("competence", "/api/subjects/{subjectId}/competence", DownstreamServices.Consent, GatewayPolicies.CompetenceApi, ["GET", "POST"]),
        // The FHIR R4 facade (issue 21), read-only: GET only, the same roles as the JSON API it mirrors;
        // each service applies the same who-may-see-what rules again. /fhir/metadata, CodeSystem and
        // ValueSet are the gateway's own (static, public).
        Api("fhir-consent", "/fhir/Consent/{**rest}", DownstreamServices.Consent, GatewayPolicies.ConsentApi, ["GET"]),
        Api("fhir-audit-event", "/fhir/AuditEvent", DownstreamServices.Audit, GatewayPolicies.FhirAuditApi, ["GET"]),
        .. DownstreamServices.All.Select(OpenApiDocument),
        PortalRoute.Route(),
    ];

    public static IReadOnlyList<ClusterConfig> Clusters(IConfiguration configuration) =>
        [.. DownstreamServices.All.Select(s => new ClusterConfig
        {
            ClusterId = s.Name,
            Destinations = new Dictionary<string, DestinationConfig>
            {
                [s.Name] = new() { Address = configuration.AddressOf(s).ToString() },
            },
        }), PortalRoute.Cluster(configuration)];

    /// <summary>Where the gateway serves a service's OpenAPI document (the service's own <c>/openapi/v1.json</c>).</summary>
    public static string OpenApiPath(DownstreamService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return $"/openapi/{service.Name}.json";
    }

    public static IServiceCollection AddServiceProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddReverseProxy().LoadFromMemory(Routes(), Clusters(configuration));
        return services;
    }

    private static RouteConfig Api(string id, string path, DownstreamService service, string policy, IReadOnlyList<string>? methods = null) => new()
    {
        RouteId = id,
        ClusterId = service.Name,
        AuthorizationPolicy = policy,
        Match = new RouteMatch { Path = path, Methods = methods },
    };

    private static RouteConfig OpenApiDocument(DownstreamService service) => new RouteConfig
    {
        RouteId = $"openapi-{service.Name}",
        ClusterId = service.Name,
        AuthorizationPolicy = Anonymous,
        Match = new RouteMatch { Path = OpenApiPath(service), Methods = ["GET"] },
    }.WithTransformPathSet("/openapi/v1.json");
}
