using Hl7.Fhir.Model;

namespace ConsentPlatform.Audit.Fhir;

/// <summary>What the audit ledger recorded about a share, as one of the four kinds the facade serves.</summary>
public enum DisclosureEventKind
{
    Decision,
    Release,
    Read,
    Refusal,
}

/// <summary>
/// The pure mapping of a ledgered disclosure event to a FHIR R4 <c>AuditEvent</c>, after the IHE
/// Basic Audit Log Patterns (BALP) where they fit: a decision as BALP's consent authorization
/// decision (DICOM 110113 Security Alert, subtype <c>AuthZ-Consent</c>), a release as a privacy
/// disclosure at the source (110106 Export), a read as one at the recipient (110107 Import), a
/// refusal as the attempted export or import that failed. Who asked, which organisations, the
/// purpose of use, the outcome with every reason, and the consent and DSA versions judged.
/// services/Audit/README.md, "FHIR R4", has it as a table.
/// </summary>
public static class AuditEventResource
{
    private const string Dicom = "http://dicom.nema.org/resources/ontology/DCM";
    private const string Lifecycle = "http://terminology.hl7.org/CodeSystem/iso-21089-lifecycle";
    private const string BalpAuthZ = "https://profiles.ihe.net/ITI/BALP/CodeSystem/AuthZsubType";
    private const string EntityType = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    private const string ObjectRole = "http://terminology.hl7.org/CodeSystem/object-role";
    private const string SecurityRoleType = "http://terminology.hl7.org/CodeSystem/extra-security-role-type";
    private const string SourceType = "http://terminology.hl7.org/CodeSystem/security-source-type";

    /// <summary>Which kind an event is, or null for a ledger event the facade does not serve as an AuditEvent.</summary>
    public static DisclosureEventKind? KindOf(IPlatformEvent e) => e switch
    {
        DisclosureApproved or DisclosureDenied or DisclosureAwaitingOverrideApproval => DisclosureEventKind.Decision,
        DisclosureReleased => DisclosureEventKind.Release,
        PackageRead => DisclosureEventKind.Read,
        DisclosureReleaseRefused or PackageReadRefused => DisclosureEventKind.Refusal,
        _ => null,
    };

    /// <summary>The ledger's event types the facade maps (for the ledger query).</summary>
    public static IReadOnlyList<string> EventTypes { get; } =
    [
        nameof(DisclosureApproved), nameof(DisclosureDenied), nameof(DisclosureAwaitingOverrideApproval),
        nameof(DisclosureReleased), nameof(PackageRead), nameof(DisclosureReleaseRefused), nameof(PackageReadRefused),
    ];

    /// <summary>
    /// The AuditEvent of a ledgered disclosure event. <paramref name="namePeople"/>: whether the
    /// person who acted is named (an auditor sees who; a young carer, as on their own page, sees
    /// the organisations only).
    /// </summary>
    public static AuditEvent? ToFhir(IPlatformEvent e, long sequence, bool namePeople)
    {
        ArgumentNullException.ThrowIfNull(e);
        var facts = FactsOf(e);
        if (facts is null || KindOf(e) is not { } kind) return null;
        var f = facts.Value;
        var attemptedImport = e is PackageRead or PackageReadRefused;
        var (typeCode, typeDisplay) = kind switch
        {
            DisclosureEventKind.Decision => ("110113", "Security Alert"),
            _ when attemptedImport => ("110107", "Import"),
            _ => ("110106", "Export"),
        };
        var audit = new AuditEvent
        {
            Id = e.EventId.ToString(),
            Meta = new Meta { LastUpdated = e.OccurredAt },
            Type = new Coding(Dicom, typeCode, typeDisplay),
            Subtype =
            [
                kind == DisclosureEventKind.Decision
                    ? new Coding(BalpAuthZ, "AuthZ-Consent", "Authorization Decision using Roles and Consent")
                    : new Coding(Lifecycle, "disclose", "Disclose Record Lifecycle Event"),
                new Coding(PlatformTerminology.DisclosureEventSystem, CodeOf(kind), PlatformTerminology.DisclosureEvents[CodeOf(kind)]),
            ],
            Action = kind switch
            {
                DisclosureEventKind.Decision => AuditEvent.AuditEventAction.E,
                _ when attemptedImport => AuditEvent.AuditEventAction.C,
                _ => AuditEvent.AuditEventAction.R,
            },
            Recorded = e.OccurredAt,
            Outcome = f.Decision.Outcome == ShareOutcome.Denied ? AuditEvent.AuditEventOutcome.N4 : AuditEvent.AuditEventOutcome.N0,
            OutcomeDesc = OutcomeDescOf(kind, f.Decision),
            PurposeOfEvent = [new CodeableConcept { Coding = [PlatformTerminology.Purpose(f.Purpose)] }],
            Source = new AuditEvent.SourceComponent
            {
                Site = "ConsentPlatform",
                Observer = new ResourceReference { Display = "ConsentPlatform disclosure service" },
                Type = [new Coding(SourceType, "4", "Application Server")],
            },
        };

        if (namePeople)
        {
            audit.Agent.Add(new AuditEvent.AgentComponent
            {
                Type = new CodeableConcept(SecurityRoleType, "humanuser", "human user"),
                Role = [new CodeableConcept { Text = f.Actor.Role }],
                Who = new ResourceReference { Identifier = new Identifier(PlatformTerminology.UserIdSystem, f.Actor.UserId) },
                Requestor = true,
                PurposeOfUse = [new CodeableConcept { Coding = [PlatformTerminology.Purpose(f.Purpose)] }],
            });
        }

        // The organisation that asked and receives (BALP's destination), and the holder that releases (the source).
        // The requester's organisation asked for the share and reads it; the holder's releases it.
        var requesterActed = kind == DisclosureEventKind.Decision || attemptedImport;
        audit.Agent.Add(Organisation(f.RequesterOrgId, "110152", "Destination Role ID", requestor: requesterActed, f.Purpose));
        audit.Agent.Add(Organisation(f.HolderOrgId, "110153", "Source Role ID", requestor: !requesterActed, purpose: null));

        audit.Entity.Add(new AuditEvent.EntityComponent
        {
            What = PlatformTerminology.Subject(f.SubjectId),
            Type = new Coding(EntityType, "1", "Person"),
            Role = new Coding(ObjectRole, "1", "Patient"),
        });
        var disclosure = new AuditEvent.EntityComponent
        {
            What = new ResourceReference { Identifier = new Identifier(PlatformTerminology.DisclosureIdSystem, f.DisclosureId.ToString()) },
            Type = new Coding(EntityType, "2", "System Object"),
            Role = new Coding(ObjectRole, "4", "Domain Resource"),
            Description = "The share request",
        };
        if (f.Categories.Count > 0)
        {
            disclosure.Detail.Add(new AuditEvent.DetailComponent { Type = "dataCategories", Value = new FhirString(string.Join(' ', f.Categories)) });
        }

        disclosure.Detail.Add(new AuditEvent.DetailComponent { Type = "ledgerSequence", Value = new FhirString(sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)) });
        audit.Entity.Add(disclosure);
        if (f.Decision.ConsentId is { } consentId)
        {
            // The Consent the facade serves, at the version judged: a reader can vread it.
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                What = new ResourceReference($"Consent/{consentId}" + (f.Decision.ConsentVersion is { } v ? $"/_history/{v}" : string.Empty)),
                Type = new Coding(EntityType, "2", "System Object"),
                Role = new Coding(ObjectRole, "13", "Security Resource"),
                Description = "The consent judged",
            });
        }

        if (f.Decision.DsaId is { } dsaId)
        {
            audit.Entity.Add(new AuditEvent.EntityComponent
            {
                // The same URI a consent's receipt and Consent.policy give the agreement's version.
                What = new ResourceReference { Identifier = new Identifier("urn:ietf:rfc:3986", $"urn:consentplatform:dsa:{dsaId}:v{f.Decision.DsaVersion ?? 0}") },
                Type = new Coding(EntityType, "2", "System Object"),
                Role = new Coding(ObjectRole, "13", "Security Resource"),
                Description = "The data-sharing agreement judged",
            });
        }

        return audit;
    }

    /// <summary>The platform's code of a kind (<c>decision</c>, <c>release</c>, <c>read</c>, <c>refusal</c>).</summary>
    public static string CodeOf(DisclosureEventKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>The disclosure an event is about, or null when it is none of the facade's kinds.</summary>
    public static Guid? DisclosureIdOf(IPlatformEvent e) => FactsOf(e)?.DisclosureId;

    private static AuditEvent.AgentComponent Organisation(string orgId, string code, string display, bool requestor, string? purpose)
    {
        var agent = new AuditEvent.AgentComponent
        {
            Type = new CodeableConcept(Dicom, code, display),
            Who = PlatformTerminology.Organization(orgId),
            Requestor = requestor,
        };
        if (purpose is not null) agent.PurposeOfUse = [new CodeableConcept { Coding = [PlatformTerminology.Purpose(purpose)] }];
        return agent;
    }

    private static string OutcomeDescOf(DisclosureEventKind kind, ShareDecision decision)
    {
        var outcome = JsonNamingPolicy.KebabCaseLower.ConvertName(decision.Outcome.ToString());
        var what = kind switch
        {
            DisclosureEventKind.Decision => outcome,
            DisclosureEventKind.Refusal => "refused",
            _ => "done",
        };
        return decision.Reasons.Count == 0
            ? what
            : $"{what}: {string.Join(", ", decision.Reasons.Select(r => JsonNamingPolicy.KebabCaseLower.ConvertName(r.Code.ToString())))}";
    }

    private readonly record struct Facts(Guid DisclosureId, string SubjectId, string Purpose, string RequesterOrgId, string HolderOrgId, IReadOnlyList<string> Categories, ShareDecision Decision, EventActor Actor);

    private static Facts? FactsOf(IPlatformEvent e) => e switch
    {
        DisclosureApproved x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, x.DataCategories, x.Decision, x.Actor),
        DisclosureDenied x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, x.DataCategories, x.Decision, x.Actor),
        DisclosureAwaitingOverrideApproval x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, x.DataCategories, x.Decision, x.Actor),
        DisclosureReleased x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, x.ReleasedCategories, x.Decision, x.Actor),
        PackageRead x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, x.ReadCategories, x.Decision, x.Actor),
        DisclosureReleaseRefused x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, [], x.Decision, x.Actor),
        PackageReadRefused x => new Facts(x.DisclosureId, x.SubjectId, x.Purpose, x.RequesterOrgId, x.HolderOrgId, [], x.Decision, x.Actor),
        _ => null,
    };
}
