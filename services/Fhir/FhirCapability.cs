using Hl7.Fhir.Model;

namespace ConsentPlatform.Fhir;

/// <summary>
/// The facade's CapabilityStatement (<c>GET /fhir/metadata</c>): exactly what is supported, no
/// more. Read-only: no create, update, delete, transaction or batch; JSON only; searches strict.
/// </summary>
public static class FhirCapability
{
    public const string SoftwareName = "ConsentPlatform FHIR facade";

    public static CapabilityStatement Statement() => new()
    {
        Id = "consentplatform",
        Url = $"{PlatformTerminology.CanonicalBase}/CapabilityStatement/consentplatform",
        Name = "ConsentPlatformFhirFacade",
        Title = "ConsentPlatform FHIR R4 facade",
        Status = PublicationStatus.Active,
        Experimental = false,
        Date = PlatformTerminology.Date,
        Publisher = "ConsentPlatform",
        Description = new Markdown(
            "Read-only FHIR R4 view of young carers' consents and of the audit ledger's record of each share. The same bearer tokens and the same rules of who may see what as the platform's JSON API: a young carer reads their own, a practitioner what concerns their organisation, an auditor all. Search is strict: an unknown parameter, or one given twice, is 400 with an OperationOutcome."),
        // The capabilities of this software wherever it runs (an implementation's description is
        // markdown in Firely's shared conformance model but a string in R4, so not an "instance").
        Kind = CapabilityStatementKind.Capability,
        Software = new CapabilityStatement.SoftwareComponent { Name = SoftwareName },
        FhirVersion = FHIRVersion.N4_0_1,
        Format = [FhirJson.MediaType],
        Rest =
        [
            new CapabilityStatement.RestComponent
            {
                Mode = CapabilityStatement.RestfulCapabilityMode.Server,
                Documentation = new Markdown("Paging: `_count` (1 to 100, default 20) and `_offset`, carried by the Bundle's links. Errors: OperationOutcome with the HTTP status."),
                Security = new CapabilityStatement.SecurityComponent
                {
                    Cors = false,
                    Service = [new CodeableConcept("http://terminology.hl7.org/CodeSystem/restful-security-service", "OAuth", "OAuth")],
                    Description = new Markdown("A bearer token (OAuth 2.0; Microsoft Entra ID in production) on every request but metadata, CodeSystem and ValueSet. Roles: YoungCarer, Practitioner, Auditor (Consent); Auditor, and the young carer for their own (AuditEvent)."),
                },
                Resource =
                [
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "Consent",
                        Profile = "http://hl7.org/fhir/StructureDefinition/Consent",
                        Documentation = new Markdown("Each young carer's consent for one purpose; every version from the consent service's own events."),
                        Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read), Interaction(CapabilityStatement.TypeRestfulInteraction.Vread), Interaction(CapabilityStatement.TypeRestfulInteraction.HistoryInstance), Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType)],
                        Versioning = CapabilityStatement.ResourceVersionPolicy.Versioned,
                        ReadHistory = true,
                        UpdateCreate = false,
                        ConditionalRead = CapabilityStatement.ConditionalReadStatus.NotSupported,
                        SearchParam =
                        [
                            Param("patient", "http://hl7.org/fhir/SearchParameter/clinical-patient", SearchParamType.Reference, "The young carer's pseudonymous ledger id (`yc-1` or `Patient/yc-1`). Required, except for a young carer (their own)."),
                            Param("status", "http://hl7.org/fhir/SearchParameter/Consent-status", SearchParamType.Token, "FHIR's status: proposed, active, inactive or rejected (comma-separated for any of them)."),
                        ],
                    },
                    new CapabilityStatement.ResourceComponent
                    {
                        Type = "AuditEvent",
                        Profile = "http://hl7.org/fhir/StructureDefinition/AuditEvent",
                        Documentation = new Markdown("One per decision, release, read and refusal of a share, from the audit ledger (after the IHE Basic Audit Log Patterns), oldest first by when it happened. `entity` or `patient` is required. An auditor sees every one; a young carer those about themselves, without the people who acted."),
                        Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.SearchType)],
                        Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
                        ConditionalRead = CapabilityStatement.ConditionalReadStatus.NotSupported,
                        SearchParam =
                        [
                            Param("entity", "http://hl7.org/fhir/SearchParameter/AuditEvent-entity", SearchParamType.Reference, "A disclosure (share request) id: every event of that share."),
                            Param("patient", "http://hl7.org/fhir/SearchParameter/AuditEvent-patient", SearchParamType.Reference, "A young carer's pseudonymous ledger id: every event of their shares."),
                            Param("date", "http://hl7.org/fhir/SearchParameter/AuditEvent-date", SearchParamType.Date, "When it happened: a prefix (`eq` when none, `ne`, `gt`, `lt`, `ge`, `le`) and a date or an instant with its time zone; give it twice for a range (`date=ge2026-01-01&date=lt2026-02-01`)."),
                        ],
                    },
                    Terminology("CodeSystem"),
                    Terminology("ValueSet"),
                ],
            },
        ],
    };

    /// <summary><c>GET /fhir/metadata</c>, <c>GET /fhir/CodeSystem/{id}</c>, <c>GET /fhir/ValueSet/{id}</c>: static, public (no token), served by the gateway.</summary>
    public static IEndpointRouteBuilder MapFhirConformance(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var fhir = app.MapGroup(FhirBase.PathPrefix).WithTags("FHIR").AllowAnonymous().AnswersFhirJsonOnly();
        fhir.MapGet("/metadata", () => new FhirResult(Statement()))
            .WithName("FhirMetadata").WithSummary("The FHIR CapabilityStatement: exactly what the facade supports");
        fhir.MapGet("/CodeSystem/{id}", (string id) => Known(PlatformTerminology.CodeSystem(id), "CodeSystem", id))
            .WithName("FhirCodeSystem").WithSummary("A platform code system (purpose, data-category, consent-status, disclosure-event)").ProducesOutcomes(404);
        fhir.MapGet("/ValueSet/{id}", (string id) => Known(PlatformTerminology.ValueSet(id), "ValueSet", id))
            .WithName("FhirValueSet").WithSummary("The value set of every code of a platform code system").ProducesOutcomes(404);
        return app;
    }

    private static FhirResult Known(Resource? resource, string type, string id) =>
        resource is null
            ? new FhirResult(FhirOutcomes.Of(StatusCodes.Status404NotFound, $"{type}/{Printable(id)} is not known here; known: {string.Join(", ", PlatformTerminology.CodeSystemIds)}."), StatusCodes.Status404NotFound)
            : new FhirResult(resource);

    private static string Printable(string id) => id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? id : "(that id)";

    private static CapabilityStatement.ResourceInteractionComponent Interaction(CapabilityStatement.TypeRestfulInteraction code) => new() { Code = code };

    private static CapabilityStatement.SearchParamComponent Param(string name, string definition, SearchParamType type, string documentation) =>
        new() { Name = name, Definition = definition, Type = type, Documentation = new Markdown(documentation) };

    private static CapabilityStatement.ResourceComponent Terminology(string type) => new()
    {
        Type = type,
        Profile = $"http://hl7.org/fhir/StructureDefinition/{type}",
        Documentation = new Markdown("The platform's code systems and their value sets: purpose, data-category, consent-status, disclosure-event. Public, no token."),
        Interaction = [Interaction(CapabilityStatement.TypeRestfulInteraction.Read)],
        Versioning = CapabilityStatement.ResourceVersionPolicy.NoVersion,
    };
}
