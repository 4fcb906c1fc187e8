using Hl7.Fhir.Model;

namespace ConsentPlatform.Fhir;

/// <summary>
/// The platform's own codes as FHIR terminology: canonical URLs that never change (the identity of
/// each code system, whatever host serves it), and the CodeSystem and ValueSet resources the
/// facade serves at <c>/fhir/CodeSystem/{id}</c> and <c>/fhir/ValueSet/{id}</c>. Purposes and
/// data categories are defined inside data-sharing agreements (the brief), so those two code
/// systems list the platform's well-known codes as a <c>fragment</c>: an agreement may add others.
/// </summary>
public static class PlatformTerminology
{
    /// <summary>The canonical base of every platform code system, value set and identifier system.</summary>
    public const string CanonicalBase = "https://consentplatform.uk/fhir";

    /// <summary>When these definitions were last changed (a CodeSystem's and ValueSet's <c>date</c>).</summary>
    public const string Date = "2026-12-07";

    public const string PurposeId = "purpose";
    public const string DataCategoryId = "data-category";
    public const string ConsentStatusId = "consent-status";
    public const string DisclosureEventId = "disclosure-event";

    public static string CodeSystemUrl(string id) => $"{CanonicalBase}/CodeSystem/{id}";

    public static string ValueSetUrl(string id) => $"{CanonicalBase}/ValueSet/{id}";

    public static string PurposeSystem => CodeSystemUrl(PurposeId);

    public static string DataCategorySystem => CodeSystemUrl(DataCategoryId);

    public static string ConsentStatusSystem => CodeSystemUrl(ConsentStatusId);

    public static string DisclosureEventSystem => CodeSystemUrl(DisclosureEventId);

    /// <summary>A young carer's pseudonymous ledger id (never a name): the identifier system of the <c>patient</c> of every resource.</summary>
    public const string SubjectIdSystem = CanonicalBase + "/sid/subject-id";

    /// <summary>An organisation's platform id (an ODS code, a URN, a local authority's code).</summary>
    public const string OrgIdSystem = CanonicalBase + "/sid/org-id";

    /// <summary>A platform user's id (the token's subject), as the ledger records who acted.</summary>
    public const string UserIdSystem = CanonicalBase + "/sid/user-id";

    /// <summary>A disclosure (share request) id.</summary>
    public const string DisclosureIdSystem = CanonicalBase + "/sid/disclosure-id";

    /// <summary>The platform's statuses of a consent, carried as a <c>meta.tag</c> beside FHIR's coarser <c>status</c>.</summary>
    public static IReadOnlyDictionary<string, string> ConsentStatuses { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["proposed"] = "Proposed by a practitioner; the young person has not answered",
        ["active"] = "Active: shares under it may be decided and released",
        ["paused"] = "Paused by the young person (or on their instruction): nothing is shared until they resume it",
        ["withdrawn"] = "Withdrawn: final",
        ["expired"] = "Expired: its end date passed, or a proposal lapsed unanswered",
        ["declined"] = "Declined: the young person said no to the proposal; final",
    };

    /// <summary>What the audit ledger records about a share, each an AuditEvent's <c>subtype</c>.</summary>
    public static IReadOnlyDictionary<string, string> DisclosureEvents { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["decision"] = "A share was decided: approved, denied, or held for a safeguarding override",
        ["release"] = "The holder released the approved data",
        ["read"] = "The requester read the released package",
        ["refusal"] = "A release or read was refused by the live re-check",
    };

    /// <summary>Every code system the facade serves, by id.</summary>
    public static IReadOnlyList<string> CodeSystemIds { get; } = [PurposeId, DataCategoryId, ConsentStatusId, DisclosureEventId];

    public static CodeSystem? CodeSystem(string id) => id switch
    {
        PurposeId => Build(id, "ConsentPlatformPurpose", "ConsentPlatform purposes",
            "Why a young carer's information is shared: the purposes the platform's data-sharing agreements define. The codes listed are the well-known ones; an agreement may define others with the same pattern (1 to 64 lower-case letters, digits or hyphens), so the content is a fragment.",
            CodeSystemContentMode.Fragment, PlainWords.Purposes),
        DataCategoryId => Build(id, "ConsentPlatformDataCategory", "ConsentPlatform data categories",
            "What kind of information about a young carer is shared. The codes listed are the well-known ones; an agreement may define others with the same pattern (1 to 64 lower-case letters, digits, dots or hyphens), so the content is a fragment.",
            CodeSystemContentMode.Fragment, PlainWords.Categories),
        ConsentStatusId => Build(id, "ConsentPlatformConsentStatus", "ConsentPlatform consent statuses",
            "The platform's own status of a consent, finer than FHIR's Consent.status (paused, withdrawn and expired are all FHIR 'inactive').",
            CodeSystemContentMode.Complete, ConsentStatuses),
        DisclosureEventId => Build(id, "ConsentPlatformDisclosureEvent", "ConsentPlatform disclosure events",
            "What the audit ledger records about a share of a young carer's information: each is one AuditEvent.",
            CodeSystemContentMode.Complete, DisclosureEvents),
        _ => null,
    };

    /// <summary>Each code system's value set: every code of the system (<c>compose.include.system</c>).</summary>
    public static ValueSet? ValueSet(string id) => CodeSystem(id) is { } system
        ? new ValueSet
        {
            Id = id,
            Url = ValueSetUrl(id),
            Name = system.Name,
            Title = system.Title,
            Status = PublicationStatus.Active,
            Experimental = false,
            Date = Date,
            Publisher = "ConsentPlatform",
            Description = new Markdown($"Every code of {system.Title} ({system.Url})."),
            Immutable = false,
            Compose = new ValueSet.ComposeComponent { Include = [new ValueSet.ConceptSetComponent { System = system.Url }] },
        }
        : null;

    private static CodeSystem Build(string id, string name, string title, string description, CodeSystemContentMode content, IReadOnlyDictionary<string, string> codes) => new()
    {
        Id = id,
        Url = CodeSystemUrl(id),
        Name = name,
        Title = title,
        Status = PublicationStatus.Active,
        Experimental = false,
        Date = Date,
        Publisher = "ConsentPlatform",
        Description = new Markdown(description),
        CaseSensitive = true,
        ValueSet = ValueSetUrl(id),
        Content = content,
        Count = codes.Count,
        Concept = [.. codes.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new CodeSystem.ConceptDefinitionComponent { Code = c.Key, Display = c.Value })],
    };

    /// <summary>A purpose as a FHIR coding of the platform's purposes, with its plain words when the vocabulary knows it.</summary>
    public static Coding Purpose(string code) =>
        new(PurposeSystem, code, PlainWords.Purposes.TryGetValue(code, out var words) ? words : null);

    /// <summary>A data category as a FHIR coding, with its plain words when the vocabulary knows it.</summary>
    public static Coding DataCategory(string code) =>
        new(DataCategorySystem, code, PlainWords.Categories.TryGetValue(code, out var words) ? words : null);

    /// <summary>A logical reference to a young carer: their pseudonymous ledger id, never a name.</summary>
    public static ResourceReference Subject(string subjectId) =>
        new() { Type = "Patient", Identifier = new Identifier(SubjectIdSystem, subjectId) };

    /// <summary>A logical reference to an organisation by its platform id.</summary>
    public static ResourceReference Organization(string orgId) =>
        new() { Type = "Organization", Identifier = new Identifier(OrgIdSystem, orgId) };
}
