using Hl7.Fhir.Model;
using FhirConsent = Hl7.Fhir.Model.Consent;

namespace ConsentPlatform.Consent.Fhir;

/// <summary>
/// One version of a consent as the platform's JSON API shows it, and what the FHIR resource needs
/// beside it: the organisation that recorded it, when this version was made (its event's time),
/// and the agreements it was given under (from the receipt of the young person's latest change).
/// </summary>
public sealed record ConsentFhirSnapshot(ConsentResponse Consent, string? RecordedByOrgId, DateTimeOffset LastUpdated, IReadOnlyList<ReceiptPolicy> Policies);

/// <summary>
/// The pure mapping of a consent version to a FHIR R4 <c>Consent</c> (services/Consent/README.md,
/// "FHIR R4", has it as a table with the reason for each status).
/// </summary>
public static class ConsentResource
{
    private const string ParticipationType = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    private const string ActCode = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    public static FhirConsent ToFhir(ConsentFhirSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var c = snapshot.Consent;
        var platformStatus = StatusCode(c.Status);
        var resource = new FhirConsent
        {
            Id = c.Id.ToString(),
            Meta = new Meta
            {
                VersionId = c.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                LastUpdated = snapshot.LastUpdated,
                // The platform's own status, finer than FHIR's (paused, withdrawn and expired are all inactive).
                Tag = [new Coding(PlatformTerminology.ConsentStatusSystem, platformStatus, PlatformTerminology.ConsentStatuses[platformStatus])],
            },
            Text = new Narrative
            {
                Status = Narrative.NarrativeStatus.Generated,
                // Codes only (the platform's patterns: letters, digits, dots, hyphens): nothing to escape, no name.
                Div = $"<div xmlns=\"http://www.w3.org/1999/xhtml\"><p>Consent for the purpose {c.Purpose}: {platformStatus}, version {c.Version}.</p></div>",
            },
            Status = FhirStatusOf(c.Status),
            Scope = new CodeableConcept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy", "Privacy Consent"),
            Category = [new CodeableConcept("http://loinc.org", "59284-0", "Patient Consent")],
            Patient = PlatformTerminology.Subject(c.SubjectId),
            DateTimeElement = new FhirDateTime(c.GrantedAt),
            Performer = [PerformerOf(c)],
            // A consent is an opt-in: nothing is shared about a young carer without one (or a lawful override).
            PolicyRule = new CodeableConcept(ActCode, "OPTIN", "opt-in"),
            Policy = [.. snapshot.Policies.Select(p => new FhirConsent.PolicyComponent { Uri = p.PolicyUrl })],
            Provision = ProvisionOf(c),
        };
        if (snapshot.RecordedByOrgId is { } recordedBy) resource.Organization = [PlatformTerminology.Organization(recordedBy)];
        return resource;
    }

    /// <summary>
    /// FHIR's status for the platform's. Only <c>active</c> permits a share; every status in which
    /// nothing may be shared now is something else, so that a reader that trusts FHIR's status never
    /// shares on a paused consent (fail closed). Why each: the README's table.
    /// </summary>
    public static FhirConsent.ConsentState FhirStatusOf(ConsentStatus status) => status switch
    {
        ConsentStatus.Proposed => FhirConsent.ConsentState.Proposed,
        ConsentStatus.Active => FhirConsent.ConsentState.Active,
        ConsentStatus.Paused => FhirConsent.ConsentState.Inactive,
        ConsentStatus.Withdrawn => FhirConsent.ConsentState.Inactive,
        ConsentStatus.Expired => FhirConsent.ConsentState.Inactive,
        ConsentStatus.Declined => FhirConsent.ConsentState.Rejected,
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "A consent status the FHIR mapping does not know."),
    };

    /// <summary>The platform's status code (<c>active</c>, <c>paused</c>, …), as the JSON API writes it.</summary>
    public static string StatusCode(ConsentStatus status) => status.ToString().ToLowerInvariant();

    private static ResourceReference PerformerOf(ConsentResponse c) => c.GivenBy switch
    {
        // The young person themself: the same pseudonymous reference as the patient.
        GivenBy.Self => PlatformTerminology.Subject(c.SubjectId),
        // A parent or guardian: by their relationship to the young person, never by name.
        _ => new ResourceReference { Type = "RelatedPerson", Display = c.Proxy?.Relationship ?? c.GivenBy.ToString().ToLowerInvariant() },
    };

    private static FhirConsent.provisionComponent ProvisionOf(ConsentResponse c)
    {
        var provision = new FhirConsent.provisionComponent
        {
            Type = FhirConsent.ConsentProvisionType.Permit,
            Period = new Period { StartElement = new FhirDateTime(c.GrantedAt), EndElement = c.ExpiresAt is { } end ? new FhirDateTime(end) : null },
            Purpose = [PlatformTerminology.Purpose(c.Purpose)],
            // No recipient list means any recipient the agreement allows: no actor limits it.
            Actor = [.. c.RecipientOrgIds.Select(org => new FhirConsent.provisionActorComponent
            {
                Role = new CodeableConcept(ParticipationType, "IRCP", "information recipient"),
                Reference = PlatformTerminology.Organization(org),
            })],
            // No category list means any category of the purpose: no code limits it.
            Code = [.. c.DataCategories.Select(code => new CodeableConcept { Coding = [PlatformTerminology.DataCategory(code)] })],
        };
        return provision;
    }
}
