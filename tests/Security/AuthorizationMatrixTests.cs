namespace ConsentPlatform.Security.Tests;

/// <summary>
/// The route × role × relation table, run in local mode: the suite's platform, dev tokens minted by
/// its gateway. <see cref="SignIn.ProductionAuthorizationMatrixTests"/> runs the same rows in the
/// production configuration.
/// </summary>
public sealed class AuthorizationMatrixTests(SecurityWorld world) : AuthorizationMatrix(world), IClassFixture<SecurityWorld>
{
    public static TheoryData<string, string, string, int, string> Cases() => CasesOf(Matrix);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Route_answers_role_and_relation_as_the_table_says(string route, string role, string relation, int status, string body) =>
        AnswersAsTheTableSaysAsync(route, role, relation, status, body);
}

/// <summary>
/// Every route of the brief × every role × the caller's relation to the data (own or another's
/// subject, own or another organisation), through the gateway, each answered as the one table
/// below says. A young carer never receives another young carer's data; an organisation never
/// reads another organisation's disclosures. One table, run in two modes by the classes that
/// derive from this one, each with its own world: local (dev tokens) and production (tokens from
/// a certified OpenID provider, mapped by the platform's tenant mapping).
/// </summary>
public abstract class AuthorizationMatrix(SecurityWorld world)
{
    private const string YoungCarer = PlatformRoles.YoungCarer;
    private const string Practitioner = PlatformRoles.Practitioner;
    private const string IgOfficer = PlatformRoles.IgOfficer;
    private const string SafeguardingLead = PlatformRoles.SafeguardingLead;
    private const string CaldicottGuardian = PlatformRoles.CaldicottGuardian;
    private const string Auditor = PlatformRoles.Auditor;
    private const string PlatformAdministrator = PlatformRoles.PlatformAdministrator;
    private const string Analyst = PlatformRoles.Analyst;

    /// <summary>No token at all: the routes open to anyone (the receipt keys; the ledger's checkpoint, key and consistency proofs), and a 401 for the auditor's proof routes beside them.</summary>
    private const string Anonymous = "anonymous";

    /// <summary>
    /// The caller's relation to the data. A young carer: <c>own</c> = their own subject's,
    /// <c>other</c> = another young carer's. Consents, for everyone: about our young carer, or
    /// about another whose consent names only the council as recipient (not the practitioner's
    /// organisation). DSAs: the caller's organisation is a party (<c>own</c>) or not (<c>other</c>).
    /// Disclosures: <c>own</c> = the party the route is for (the holder releases, the requester
    /// requests and reads, a safeguarding lead of the holder approves), <c>counterpart</c> = the
    /// other party, <c>other</c> = an organisation that is neither. <c>any</c>: the relation makes
    /// no difference (an auditor; a role the gateway refuses outright).
    /// </summary>
    private const string Own = "own", Other = "other", Counterpart = "counterpart", Any = "any";

    /// <summary>
    /// A practitioner's ties to a consent besides <c>own</c> (the school recorded it, or, naming
    /// no recipients, it is under the school's agreement) and <c>other</c> (a stranger organisation,
    /// tied to nothing): <c>recipient</c> = the council, named in the consent's recipients;
    /// <c>party</c> = the council, party to the agreement for the purpose of a consent the young
    /// carer granted themselves naming no one; <c>unnamed-party</c> = the school, party to the
    /// agreement, on a consent the young carer granted naming only the council (issue 15).
    /// </summary>
    private const string Recipient = "recipient", Party = "party", UnnamedParty = "unnamed-party";

    /// <summary>
    /// What the body must show: <c>shown</c> = the target's id; <c>hidden</c> = not its subject (and, in a 2xx,
    /// not its id either); any other text must appear as it is. Every 4xx is problem+json without the subject.
    /// </summary>
    private const string Shown = "shown", Hidden = "hidden", Unchecked = "-";

    /// <summary>A FHIR search that finds nothing the caller may see: an empty Bundle (its self link repeats what the caller asked for).</summary>
    private const string NoMatch = "\"total\":0";

    private static readonly string[] AllRoles = [YoungCarer, Practitioner, IgOfficer, SafeguardingLead, Auditor, CaldicottGuardian, PlatformAdministrator, Analyst];

    /// <summary>The brief's routes: method and path (placeholders filled per row), what they act on, and the body they send.</summary>
    private static readonly Dictionary<string, RouteSpec> Routes = new(StringComparer.Ordinal)
    {
        ["POST /api/consents"] = new("POST", "/api/consents", TargetKind.None, s => new { subjectId = s, purpose = FreshPurpose(), givenBy = "self" }),
        ["POST /api/consents/{id}/pause"] = new("POST", "/api/consents/{id}/pause", TargetKind.Consent, _ => new { reason = Reason }),
        ["POST /api/consents/{id}/resume"] = new("POST", "/api/consents/{id}/resume", TargetKind.ConsentPaused),
        ["POST /api/consents/{id}/withdraw"] = new("POST", "/api/consents/{id}/withdraw", TargetKind.Consent, _ => new { reason = Reason }),
        ["GET /api/consents/{id}"] = new("GET", "/api/consents/{id}", TargetKind.Consent),
        ["GET /api/consents?subjectId="] = new("GET", "/api/consents?subjectId={subject}", TargetKind.Consent),
        ["GET /api/consents/{id}/history"] = new("GET", "/api/consents/{id}/history", TargetKind.Consent),
        ["GET /api/consents/{id}/explanation"] = new("GET", "/api/consents/{id}/explanation", TargetKind.Consent),
        ["GET /api/consents/{id}/receipts"] = new("GET", "/api/consents/{id}/receipts", TargetKind.Consent),
        ["GET /api/consents/receipt-keys"] = new("GET", "/api/consents/receipt-keys", TargetKind.None),
        ["POST /api/consents/proposals"] = new("POST", "/api/consents/proposals", TargetKind.None, s => new { subjectId = s, purpose = FreshPurpose(), note = Reason }),
        ["POST /api/consents/{id}/accept"] = new("POST", "/api/consents/{id}/accept", TargetKind.Proposal),
        ["POST /api/consents/{id}/confirm"] = new("POST", "/api/consents/{id}/confirm", TargetKind.Consent),
        ["POST /api/consents/{id}/decline"] = new("POST", "/api/consents/{id}/decline", TargetKind.Proposal, _ => new { reason = Reason }),

        ["GET /api/dsas/templates"] = new("GET", "/api/dsas/templates", TargetKind.None),
        ["POST /api/dsas"] = new("POST", "/api/dsas", TargetKind.None, _ => Scenario.SchoolSupportDsa("Authorization matrix")),
        ["PUT /api/dsas/{id}"] = new("PUT", "/api/dsas/{id}", TargetKind.DsaDraft, _ => Scenario.SchoolSupportDsa("Authorization matrix, amended")),
        ["POST /api/dsas/{id}/activate"] = new("POST", "/api/dsas/{id}/activate", TargetKind.DsaDraft),
        ["POST /api/dsas/{id}/sign"] = new("POST", "/api/dsas/{id}/sign", TargetKind.DsaDraft, _ => new { version = 1 }),
        ["POST /api/dsas/{id}/suspend"] = new("POST", "/api/dsas/{id}/suspend", TargetKind.DsaActive, _ => new { reason = Reason }),
        ["POST /api/dsas/{id}/reinstate"] = new("POST", "/api/dsas/{id}/reinstate", TargetKind.DsaSuspended),
        ["POST /api/dsas/{id}/terminate"] = new("POST", "/api/dsas/{id}/terminate", TargetKind.DsaActive, _ => new { reason = Reason }),
        ["GET /api/dsas?orgId=&purpose=&status="] = new("GET", "/api/dsas?purpose=school-support&status=active", TargetKind.DsaActive),
        ["GET /api/dsas/{id}"] = new("GET", "/api/dsas/{id}", TargetKind.DsaActive),
        ["GET /api/dsas/{id}/history"] = new("GET", "/api/dsas/{id}/history", TargetKind.DsaActive),

        ["POST /api/disclosures"] = new("POST", "/api/disclosures", TargetKind.None, s => new
        {
            subjectId = s,
            purpose = "school-support",
            holderOrgId = SecurityWorld.Holder,
            dataCategories = new[] { "caring.role" },
            basis = "consent",
        }),
        ["POST /api/disclosures/{id}/approve-override"] = new("POST", "/api/disclosures/{id}/approve-override", TargetKind.Awaiting, _ => new { rationale = "Risk of neglect: approved by the matrix." }),
        ["POST /api/disclosures/{id}/release"] = new("POST", "/api/disclosures/{id}/release", TargetKind.Approved,
            _ => new { data = new Dictionary<string, string> { ["caring.role"] = "Looks after a parent" } }, OwnParty: SecurityWorld.Holder),
        ["GET /api/disclosures/{id}/package"] = new("GET", "/api/disclosures/{id}/package", TargetKind.Released),
        ["GET /api/disclosures/{id}"] = new("GET", "/api/disclosures/{id}", TargetKind.Approved),
        ["GET /api/disclosures?subjectId="] = new("GET", "/api/disclosures?subjectId={subject}", TargetKind.Approved),
        ["POST /api/subjects/{subjectId}/competence"] = new("POST", "/api/subjects/{subject}/competence", TargetKind.None,
            _ => new { purpose = "school-support", outcome = "not-yet-competent", basis = "gillick" }),
        ["GET /api/subjects/{subjectId}/competence"] = new("GET", "/api/subjects/{subject}/competence", TargetKind.None),
        ["GET /api/disclosures?deletionRequest="] = new("GET", "/api/disclosures?deletionRequest=open", TargetKind.None),
        ["POST /api/disclosures/{id}/override-review"] = new("POST", "/api/disclosures/{id}/override-review", TargetKind.Approved,
            _ => new { outcome = "upheld", rationale = Reason }, OwnParty: SecurityWorld.Holder),
        ["POST /api/disclosures/{id}/notice-delay"] = new("POST", "/api/disclosures/{id}/notice-delay", TargetKind.Approved,
            _ => new { until = DateTimeOffset.UtcNow.AddDays(1), reason = Reason }, OwnParty: SecurityWorld.Holder),
        ["POST /api/disclosures/{id}/deletion"] = new("POST", "/api/disclosures/{id}/deletion", TargetKind.Approved, _ => new { outcome = "deleted" }),

        ["GET /api/audit/entries"] = new("GET", "/api/audit/entries?subjectId={subject}", TargetKind.None),
        ["GET /api/audit/verify"] = new("GET", "/api/audit/verify", TargetKind.None),
        ["GET /api/audit/disclosures/{id}/replay"] = new("GET", "/api/audit/disclosures/{id}/replay", TargetKind.Approved),
        // Issue 22: statistics only for a whole reporting period that has ended.
        ["GET /api/audit/stats"] = new("GET", "/api/audit/stats?period=2026-01", TargetKind.None),
        ["GET /api/stats/{period}"] = new("GET", "/api/stats/2026-01", TargetKind.None),
        ["GET /api/stats/{period}.csv"] = new("GET", "/api/stats/2026-01.csv", TargetKind.None),
        ["GET /api/stats/{period}.meta.csv"] = new("GET", "/api/stats/2026-01.meta.csv", TargetKind.None),
        // Issue 19: the verifiable log. Checkpoint, key and consistency proofs are anyone's.
        ["GET /api/audit/checkpoint"] = new("GET", "/api/audit/checkpoint", TargetKind.None),
        ["GET /api/audit/checkpoint/key"] = new("GET", "/api/audit/checkpoint/key", TargetKind.None),
        ["GET /api/audit/proofs/consistency"] = new("GET", "/api/audit/proofs/consistency?from=1&to=1", TargetKind.None),
        ["GET /api/audit/proofs/inclusion"] = new("GET", "/api/audit/proofs/inclusion?sequence=1", TargetKind.None),
        ["GET /api/audit/entries/{sequence}/leaf"] = new("GET", "/api/audit/entries/1/leaf", TargetKind.None),
        ["GET /api/audit/export"] = new("GET", "/api/audit/export?fromSequence=1&toSequence=1", TargetKind.None),
        ["POST /api/audit/checkpoint/cosignatures"] = new("POST", "/api/audit/checkpoint/cosignatures", TargetKind.None, _ => new { note = "not a note" }),
        // The young carer may try to name another subject: the view is the token's subject's only.
        ["GET /api/me/disclosures"] = new("GET", "/api/me/disclosures?subjectId={subject}", TargetKind.Released),
        // Issue 19: a young carer's proof that an entry about them is in the ledger; a sequence that is
        // not theirs (here: none at all) is not found, exactly like another young carer's.
        ["GET /api/me/proofs"] = new("GET", "/api/me/proofs?sequence=999999999", TargetKind.None),
        // Issue 18: linking a young carer's own sign-in to their ledger id with a one-time code.
        ["POST /api/link-codes"] = new("POST", "/api/link-codes", TargetKind.None, s => new { subjectId = s }),
        ["POST /api/me/links"] = new("POST", "/api/me/links", TargetKind.None, _ => new { code = "ZZZZ-ZZZZ-ZZZZ" }),
        ["GET /api/me/links"] = new("GET", "/api/me/links", TargetKind.None),
        // Issue 18: the ledgered tenant registry, for platform administrators only.
        ["GET /api/tenants"] = new("GET", "/api/tenants", TargetKind.None),
        ["PUT /api/tenants/{tenantId}"] = new("PUT", "/api/tenants/tenant-matrix", TargetKind.None,
            _ => new { name = "Matrix school", orgIds = new[] { "URN-MATRIX" }, roles = new[] { "Practitioner" } }),
        ["POST /api/tenants/{tenantId}/offboard"] = new("POST", "/api/tenants/tenant-never-onboarded/offboard", TargetKind.None, _ => new { reason = Reason }),
        // Issue 21: the FHIR R4 facade, read-only, the JSON API's rules; its errors are OperationOutcomes.
        ["GET /fhir/Consent/{id}"] = new("GET", "/fhir/Consent/{id}", TargetKind.Consent),
        ["GET /fhir/Consent/{id}/_history"] = new("GET", "/fhir/Consent/{id}/_history", TargetKind.Consent),
        ["GET /fhir/Consent/{id}/_history/{vid}"] = new("GET", "/fhir/Consent/{id}/_history/1", TargetKind.Consent),
        ["GET /fhir/Consent?patient="] = new("GET", "/fhir/Consent?patient={subject}", TargetKind.Consent),
        ["GET /fhir/AuditEvent?entity="] = new("GET", "/fhir/AuditEvent?entity={id}", TargetKind.Released),
        ["GET /fhir/AuditEvent?patient="] = new("GET", "/fhir/AuditEvent?patient={subject}", TargetKind.Released),
        ["GET /fhir/metadata"] = new("GET", "/fhir/metadata", TargetKind.None),
        ["GET /fhir/CodeSystem/{id}"] = new("GET", "/fhir/CodeSystem/purpose", TargetKind.None),
        ["GET /fhir/ValueSet/{id}"] = new("GET", "/fhir/ValueSet/data-category", TargetKind.None),
    };

    /// <summary>The routes open to anyone, and what their body shows: every role gets them as an anonymous caller does.</summary>
    private static readonly Dictionary<string, string> OpenRoutes = new(StringComparer.Ordinal)
    {
        ["GET /api/consents/receipt-keys"] = "\"ES256\"",
        ["GET /api/audit/checkpoint"] = "\u2014 consentplatform.local/audit ",
        ["GET /api/audit/checkpoint/key"] = "consentplatform.local/audit+",
        ["GET /api/audit/proofs/consistency"] = "\"hashes\"",
        ["GET /fhir/metadata"] = "\"CapabilityStatement\"",
        ["GET /fhir/CodeSystem/{id}"] = "\"CodeSystem\"",
        ["GET /fhir/ValueSet/{id}"] = "\"ValueSet\"",
    };

    private static readonly string[] TenantRoutes = ["GET /api/tenants", "PUT /api/tenants/{tenantId}", "POST /api/tenants/{tenantId}/offboard"];

    /// <summary>The matrix: route, role, relation → status (and what the body must show).</summary>
    protected static readonly Row[] Matrix =
    [
        // ── consents (services/Consent/README.md) ──
        new("POST /api/consents", YoungCarer, Own, 201),
        new("POST /api/consents", YoungCarer, Other, 403),
        new("POST /api/consents", Practitioner, Own, 201),
        new("POST /api/consents", Practitioner, Other, 201), // recorded in person, for any young carer
        new("POST /api/consents", IgOfficer, Any, 403),
        new("POST /api/consents", SafeguardingLead, Any, 403),
        new("POST /api/consents", Auditor, Any, 403),

        // A practitioner sees and acts on a consent only when their organisation recorded it, is named
        // in its recipients, or (for a consent naming no one) is party to an active agreement for its
        // purpose; anything else is exactly an unknown id (services/Consent/README.md, issue 15).
        // Pausing and withdrawing on the young person's behalf need a reason; resuming is theirs alone.
        new("POST /api/consents/{id}/pause", YoungCarer, Own, 200, Shown),
        new("POST /api/consents/{id}/pause", YoungCarer, Other, 404, Hidden),
        new("POST /api/consents/{id}/pause", Practitioner, Own, 200, Shown),
        new("POST /api/consents/{id}/pause", Practitioner, Recipient, 200, Shown),
        new("POST /api/consents/{id}/pause", Practitioner, Party, 200, Shown),
        new("POST /api/consents/{id}/pause", Practitioner, UnnamedParty, 404, Hidden),
        new("POST /api/consents/{id}/pause", Practitioner, Other, 404, Hidden),
        new("POST /api/consents/{id}/pause", IgOfficer, Any, 403),
        new("POST /api/consents/{id}/pause", SafeguardingLead, Any, 403),
        new("POST /api/consents/{id}/pause", Auditor, Any, 403),

        new("POST /api/consents/{id}/resume", YoungCarer, Own, 200, Shown),
        new("POST /api/consents/{id}/resume", YoungCarer, Other, 404, Hidden),
        new("POST /api/consents/{id}/resume", Practitioner, Own, 403),
        new("POST /api/consents/{id}/resume", Practitioner, Recipient, 403),
        new("POST /api/consents/{id}/resume", Practitioner, Party, 403),
        new("POST /api/consents/{id}/resume", Practitioner, UnnamedParty, 403),
        new("POST /api/consents/{id}/resume", Practitioner, Other, 403),
        new("POST /api/consents/{id}/resume", IgOfficer, Any, 403),
        new("POST /api/consents/{id}/resume", SafeguardingLead, Any, 403),
        new("POST /api/consents/{id}/resume", Auditor, Any, 403),

        new("POST /api/consents/{id}/withdraw", YoungCarer, Own, 200, Shown),
        new("POST /api/consents/{id}/withdraw", YoungCarer, Other, 404, Hidden),
        new("POST /api/consents/{id}/withdraw", Practitioner, Own, 200, Shown),
        new("POST /api/consents/{id}/withdraw", Practitioner, Recipient, 200, Shown),
        new("POST /api/consents/{id}/withdraw", Practitioner, Party, 200, Shown),
        new("POST /api/consents/{id}/withdraw", Practitioner, UnnamedParty, 404, Hidden),
        new("POST /api/consents/{id}/withdraw", Practitioner, Other, 404, Hidden),
        new("POST /api/consents/{id}/withdraw", IgOfficer, Any, 403),
        new("POST /api/consents/{id}/withdraw", SafeguardingLead, Any, 403),
        new("POST /api/consents/{id}/withdraw", Auditor, Any, 403),

        new("GET /api/consents/{id}", YoungCarer, Own, 200, Shown),
        new("GET /api/consents/{id}", YoungCarer, Other, 404, Hidden),
        new("GET /api/consents/{id}", Practitioner, Own, 200, Shown),
        new("GET /api/consents/{id}", Practitioner, Recipient, 200, Shown),
        new("GET /api/consents/{id}", Practitioner, Party, 200, Shown),
        new("GET /api/consents/{id}", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /api/consents/{id}", Practitioner, Other, 404, Hidden),
        new("GET /api/consents/{id}", IgOfficer, Any, 403),
        new("GET /api/consents/{id}", SafeguardingLead, Any, 403),
        new("GET /api/consents/{id}", Auditor, Any, 200, Shown),

        new("GET /api/consents?subjectId=", YoungCarer, Own, 200, Shown),
        new("GET /api/consents?subjectId=", YoungCarer, Other, 403, Hidden),
        new("GET /api/consents?subjectId=", Practitioner, Own, 200, Shown),
        new("GET /api/consents?subjectId=", Practitioner, Recipient, 200, Shown),
        new("GET /api/consents?subjectId=", Practitioner, Party, 200, Shown),
        new("GET /api/consents?subjectId=", Practitioner, UnnamedParty, 200, Hidden),
        new("GET /api/consents?subjectId=", Practitioner, Other, 200, Hidden),
        new("GET /api/consents?subjectId=", IgOfficer, Any, 403),
        new("GET /api/consents?subjectId=", SafeguardingLead, Any, 403),
        new("GET /api/consents?subjectId=", Auditor, Any, 200, Shown),

        new("GET /api/consents/{id}/history", YoungCarer, Own, 200, Shown),
        new("GET /api/consents/{id}/history", YoungCarer, Other, 404, Hidden),
        new("GET /api/consents/{id}/history", Practitioner, Own, 200, Shown),
        new("GET /api/consents/{id}/history", Practitioner, Recipient, 200, Shown),
        new("GET /api/consents/{id}/history", Practitioner, Party, 200, Shown),
        new("GET /api/consents/{id}/history", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /api/consents/{id}/history", Practitioner, Other, 404, Hidden),
        new("GET /api/consents/{id}/history", IgOfficer, Any, 403),
        new("GET /api/consents/{id}/history", SafeguardingLead, Any, 403),
        new("GET /api/consents/{id}/history", Auditor, Any, 200, Shown),

        // Issue 16: the explanation is read by exactly who reads the consent (services/Consent/README.md).
        new("GET /api/consents/{id}/explanation", YoungCarer, Own, 200, Shown),
        new("GET /api/consents/{id}/explanation", YoungCarer, Other, 404, Hidden),
        new("GET /api/consents/{id}/explanation", Practitioner, Own, 200, Shown),
        new("GET /api/consents/{id}/explanation", Practitioner, Recipient, 200, Shown),
        new("GET /api/consents/{id}/explanation", Practitioner, Party, 200, Shown),
        new("GET /api/consents/{id}/explanation", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /api/consents/{id}/explanation", Practitioner, Other, 404, Hidden),
        new("GET /api/consents/{id}/explanation", IgOfficer, Any, 403),
        new("GET /api/consents/{id}/explanation", SafeguardingLead, Any, 403),
        new("GET /api/consents/{id}/explanation", Auditor, Any, 200, Shown),
        // Receipts (issue 16 §4): read by exactly who reads the consent. The list holds JWS only (the
        // consent id is inside the signed payload), and may still be empty while a receipt is issued.
        new("GET /api/consents/{id}/receipts", YoungCarer, Own, 200),
        new("GET /api/consents/{id}/receipts", YoungCarer, Other, 404, Hidden),
        new("GET /api/consents/{id}/receipts", Practitioner, Own, 200),
        new("GET /api/consents/{id}/receipts", Practitioner, Recipient, 200),
        new("GET /api/consents/{id}/receipts", Practitioner, Party, 200),
        new("GET /api/consents/{id}/receipts", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /api/consents/{id}/receipts", Practitioner, Other, 404, Hidden),
        new("GET /api/consents/{id}/receipts", IgOfficer, Any, 403),
        new("GET /api/consents/{id}/receipts", SafeguardingLead, Any, 403),
        new("GET /api/consents/{id}/receipts", Auditor, Any, 200),
        // The receipts' public keys: anyone, with or without a token (the one anonymous API route).
        new("GET /api/consents/receipt-keys", YoungCarer, Any, 200, "\"ES256\""),
        new("GET /api/consents/receipt-keys", Practitioner, Any, 200, "\"ES256\""),
        new("GET /api/consents/receipt-keys", IgOfficer, Any, 200, "\"ES256\""),
        new("GET /api/consents/receipt-keys", SafeguardingLead, Any, 200, "\"ES256\""),
        new("GET /api/consents/receipt-keys", Auditor, Any, 200, "\"ES256\""),
        new("GET /api/consents/receipt-keys", Anonymous, Any, 200, "\"ES256\""),
        // Proposals (issue 16): any practitioner may propose, as any may record in person, and their
        // organisation is tied to the proposal from then on; only the young person answers it (403 to
        // every practitioner before the proposal is looked at, like resume); another's is an unknown id.
        new("POST /api/consents/proposals", YoungCarer, Own, 403),
        new("POST /api/consents/proposals", YoungCarer, Other, 403),
        new("POST /api/consents/proposals", Practitioner, Own, 201),
        new("POST /api/consents/proposals", Practitioner, Other, 201), // proposed to any young carer
        new("POST /api/consents/proposals", IgOfficer, Any, 403),
        new("POST /api/consents/proposals", SafeguardingLead, Any, 403),
        new("POST /api/consents/proposals", Auditor, Any, 403),

        new("POST /api/consents/{id}/accept", YoungCarer, Own, 200, Shown),
        new("POST /api/consents/{id}/accept", YoungCarer, Other, 404, Hidden),
        new("POST /api/consents/{id}/accept", Practitioner, Own, 403),
        new("POST /api/consents/{id}/accept", Practitioner, Recipient, 403),
        new("POST /api/consents/{id}/accept", Practitioner, Party, 403),
        new("POST /api/consents/{id}/accept", Practitioner, UnnamedParty, 403),
        new("POST /api/consents/{id}/accept", Practitioner, Other, 403),
        new("POST /api/consents/{id}/accept", IgOfficer, Any, 403),
        new("POST /api/consents/{id}/accept", SafeguardingLead, Any, 403),
        new("POST /api/consents/{id}/accept", Auditor, Any, 403),

        // Issue 20: confirming a parent's consent is the young person's alone (the matrix's own consent is theirs already: 409).
        new("POST /api/consents/{id}/confirm", YoungCarer, Own, 409),
        new("POST /api/consents/{id}/confirm", YoungCarer, Other, 404, Hidden),
        new("POST /api/consents/{id}/confirm", Practitioner, Own, 403),
        new("POST /api/consents/{id}/confirm", Practitioner, Other, 403),
        new("POST /api/consents/{id}/confirm", IgOfficer, Any, 403),
        new("POST /api/consents/{id}/confirm", SafeguardingLead, Any, 403),
        new("POST /api/consents/{id}/confirm", Auditor, Any, 403),

        new("POST /api/consents/{id}/decline", YoungCarer, Own, 200, Shown),
        new("POST /api/consents/{id}/decline", YoungCarer, Other, 404, Hidden),
        new("POST /api/consents/{id}/decline", Practitioner, Own, 403),
        new("POST /api/consents/{id}/decline", Practitioner, Recipient, 403),
        new("POST /api/consents/{id}/decline", Practitioner, Party, 403),
        new("POST /api/consents/{id}/decline", Practitioner, UnnamedParty, 403),
        new("POST /api/consents/{id}/decline", Practitioner, Other, 403),
        new("POST /api/consents/{id}/decline", IgOfficer, Any, 403),
        new("POST /api/consents/{id}/decline", SafeguardingLead, Any, 403),
        new("POST /api/consents/{id}/decline", Auditor, Any, 403),

        // ── DSAs (services/DsaRegistry/README.md): only an IG officer of a party governs ──
        new("GET /api/dsas/templates", YoungCarer, Any, 403),
        new("GET /api/dsas/templates", Practitioner, Any, 403),
        new("GET /api/dsas/templates", IgOfficer, Any, 200, "\"young-carers-needs-assessment\""),
        new("GET /api/dsas/templates", SafeguardingLead, Any, 403),
        new("GET /api/dsas/templates", Auditor, Any, 403),

        new("POST /api/dsas", YoungCarer, Any, 403),
        new("POST /api/dsas", Practitioner, Own, 403),
        new("POST /api/dsas", IgOfficer, Own, 201),
        new("POST /api/dsas", IgOfficer, Other, 403),
        new("POST /api/dsas", SafeguardingLead, Own, 403),
        new("POST /api/dsas", Auditor, Any, 403),

        new("PUT /api/dsas/{id}", YoungCarer, Any, 403),
        new("PUT /api/dsas/{id}", Practitioner, Own, 403),
        new("PUT /api/dsas/{id}", IgOfficer, Own, 200, Shown),
        new("PUT /api/dsas/{id}", IgOfficer, Other, 403),
        new("PUT /api/dsas/{id}", SafeguardingLead, Own, 403),
        new("PUT /api/dsas/{id}", Auditor, Any, 403),

        new("POST /api/dsas/{id}/activate", YoungCarer, Any, 403),
        new("POST /api/dsas/{id}/activate", Practitioner, Own, 403),
        // Issue 17: a DSA binds only organisations that signed it. Activating (or reinstating) alone is
        // refused while a party has not signed; each party's officer signs, and the last signature activates.
        new("POST /api/dsas/{id}/activate", IgOfficer, Own, 409),
        new("POST /api/dsas/{id}/activate", IgOfficer, Other, 403),
        new("POST /api/dsas/{id}/activate", SafeguardingLead, Own, 403),
        new("POST /api/dsas/{id}/activate", Auditor, Any, 403),

        new("POST /api/dsas/{id}/suspend", YoungCarer, Any, 403),
        new("POST /api/dsas/{id}/suspend", Practitioner, Own, 403),
        new("POST /api/dsas/{id}/suspend", IgOfficer, Own, 200, Shown),
        new("POST /api/dsas/{id}/suspend", IgOfficer, Other, 403),
        new("POST /api/dsas/{id}/suspend", SafeguardingLead, Own, 403),
        new("POST /api/dsas/{id}/suspend", Auditor, Any, 403),

        new("POST /api/dsas/{id}/sign", YoungCarer, Any, 403),
        new("POST /api/dsas/{id}/sign", Practitioner, Own, 403),
        new("POST /api/dsas/{id}/sign", IgOfficer, Own, 200, Shown),
        new("POST /api/dsas/{id}/sign", IgOfficer, Other, 403),
        new("POST /api/dsas/{id}/sign", SafeguardingLead, Own, 403),
        new("POST /api/dsas/{id}/sign", Auditor, Any, 403),

        new("POST /api/dsas/{id}/reinstate", YoungCarer, Any, 403),
        new("POST /api/dsas/{id}/reinstate", Practitioner, Own, 403),
        new("POST /api/dsas/{id}/reinstate", IgOfficer, Own, 409),
        new("POST /api/dsas/{id}/reinstate", IgOfficer, Other, 403),
        new("POST /api/dsas/{id}/reinstate", SafeguardingLead, Own, 403),
        new("POST /api/dsas/{id}/reinstate", Auditor, Any, 403),

        new("POST /api/dsas/{id}/terminate", YoungCarer, Any, 403),
        new("POST /api/dsas/{id}/terminate", Practitioner, Own, 403),
        new("POST /api/dsas/{id}/terminate", IgOfficer, Own, 200, Shown),
        new("POST /api/dsas/{id}/terminate", IgOfficer, Other, 403),
        new("POST /api/dsas/{id}/terminate", SafeguardingLead, Own, 403),
        new("POST /api/dsas/{id}/terminate", Auditor, Any, 403),

        // A DSA holds no personal data: every professional role reads every DSA, party or not
        // (services/DsaRegistry/README.md). Young carers read purposes through /api/me/disclosures.
        new("GET /api/dsas?orgId=&purpose=&status=", YoungCarer, Any, 403),
        new("GET /api/dsas?orgId=&purpose=&status=", Practitioner, Own, 200, Shown),
        new("GET /api/dsas?orgId=&purpose=&status=", Practitioner, Other, 200, Shown),
        new("GET /api/dsas?orgId=&purpose=&status=", IgOfficer, Own, 200, Shown),
        new("GET /api/dsas?orgId=&purpose=&status=", IgOfficer, Other, 200, Shown),
        new("GET /api/dsas?orgId=&purpose=&status=", SafeguardingLead, Own, 200, Shown),
        new("GET /api/dsas?orgId=&purpose=&status=", SafeguardingLead, Other, 200, Shown),
        new("GET /api/dsas?orgId=&purpose=&status=", Auditor, Any, 200, Shown),

        new("GET /api/dsas/{id}", YoungCarer, Any, 403),
        new("GET /api/dsas/{id}", Practitioner, Own, 200, Shown),
        new("GET /api/dsas/{id}", Practitioner, Other, 200, Shown),
        new("GET /api/dsas/{id}", IgOfficer, Own, 200, Shown),
        new("GET /api/dsas/{id}", IgOfficer, Other, 200, Shown),
        new("GET /api/dsas/{id}", SafeguardingLead, Own, 200, Shown),
        new("GET /api/dsas/{id}", SafeguardingLead, Other, 200, Shown),
        new("GET /api/dsas/{id}", Auditor, Any, 200, Shown),

        new("GET /api/dsas/{id}/history", YoungCarer, Any, 403),
        new("GET /api/dsas/{id}/history", Practitioner, Own, 200, Shown),
        new("GET /api/dsas/{id}/history", Practitioner, Other, 200, Shown),
        new("GET /api/dsas/{id}/history", IgOfficer, Own, 200, Shown),
        new("GET /api/dsas/{id}/history", IgOfficer, Other, 200, Shown),
        new("GET /api/dsas/{id}/history", SafeguardingLead, Own, 200, Shown),
        new("GET /api/dsas/{id}/history", SafeguardingLead, Other, 200, Shown),
        new("GET /api/dsas/{id}/history", Auditor, Any, 200, Shown),

        // ── disclosures (services/Disclosure/README.md): another organisation's is 404 ──
        new("POST /api/disclosures", YoungCarer, Any, 403),
        new("POST /api/disclosures", Practitioner, Own, 201, "\"approved\""),
        // Anyone's practitioner may ask; the rulebook answers: an organisation outside the DSA is denied, never approved.
        new("POST /api/disclosures", Practitioner, Other, 201, "requester-not-party"),
        new("POST /api/disclosures", IgOfficer, Any, 403),
        new("POST /api/disclosures", SafeguardingLead, Own, 403),
        new("POST /api/disclosures", Auditor, Any, 403),

        new("POST /api/disclosures/{id}/approve-override", YoungCarer, Any, 403),
        new("POST /api/disclosures/{id}/approve-override", Practitioner, Own, 403),
        new("POST /api/disclosures/{id}/approve-override", IgOfficer, Any, 403),
        new("POST /api/disclosures/{id}/approve-override", SafeguardingLead, Own, 200, Shown),
        // The brief names no organisation for the approving lead; the service lets only a lead of one of
        // the two parties see (404 otherwise) and approve it (services/Disclosure/README.md): stricter, kept.
        new("POST /api/disclosures/{id}/approve-override", SafeguardingLead, Other, 404, Hidden),
        new("POST /api/disclosures/{id}/approve-override", Auditor, Any, 403),

        new("POST /api/disclosures/{id}/release", YoungCarer, Any, 403),
        new("POST /api/disclosures/{id}/release", Practitioner, Own, 200, Shown),
        new("POST /api/disclosures/{id}/release", Practitioner, Counterpart, 403),
        new("POST /api/disclosures/{id}/release", Practitioner, Other, 404, Hidden),
        new("POST /api/disclosures/{id}/release", IgOfficer, Any, 403),
        new("POST /api/disclosures/{id}/release", SafeguardingLead, Own, 403),
        new("POST /api/disclosures/{id}/release", Auditor, Any, 403),

        new("GET /api/disclosures/{id}/package", YoungCarer, Any, 403),
        new("GET /api/disclosures/{id}/package", Practitioner, Own, 200, Shown),
        new("GET /api/disclosures/{id}/package", Practitioner, Counterpart, 403),
        new("GET /api/disclosures/{id}/package", Practitioner, Other, 404, Hidden),
        new("GET /api/disclosures/{id}/package", IgOfficer, Any, 403),
        new("GET /api/disclosures/{id}/package", SafeguardingLead, Own, 403),
        // Least data: an auditor reads what happened, never the payload.
        new("GET /api/disclosures/{id}/package", Auditor, Any, 403),

        new("GET /api/disclosures/{id}", YoungCarer, Any, 403),
        new("GET /api/disclosures/{id}", Practitioner, Own, 200, Shown),
        new("GET /api/disclosures/{id}", Practitioner, Counterpart, 200, Shown),
        new("GET /api/disclosures/{id}", Practitioner, Other, 404, Hidden),
        new("GET /api/disclosures/{id}", IgOfficer, Any, 403),
        new("GET /api/disclosures/{id}", SafeguardingLead, Own, 200, Shown),
        new("GET /api/disclosures/{id}", SafeguardingLead, Other, 404, Hidden),
        new("GET /api/disclosures/{id}", Auditor, Any, 200, Shown),

        // A young carer reads about themselves through /api/me/disclosures (services/Disclosure/README.md).
        new("GET /api/disclosures?subjectId=", YoungCarer, Any, 403),
        new("GET /api/disclosures?subjectId=", Practitioner, Own, 200, Shown),
        new("GET /api/disclosures?subjectId=", Practitioner, Counterpart, 200, Shown),
        new("GET /api/disclosures?subjectId=", Practitioner, Other, 200, Hidden), // the list leaves it out
        new("GET /api/disclosures?subjectId=", IgOfficer, Any, 403),
        new("GET /api/disclosures?subjectId=", SafeguardingLead, Own, 200, Shown),
        new("GET /api/disclosures?subjectId=", SafeguardingLead, Other, 200, Hidden),
        new("GET /api/disclosures?subjectId=", Auditor, Any, 200, Shown),

        // Issue 20: competence is assessed by a practitioner of a party to an agreement for the purpose;
        // read by such practitioners (a stranger sees none) and by the young person, their own only.
        new("POST /api/subjects/{subjectId}/competence", YoungCarer, Any, 403),
        new("POST /api/subjects/{subjectId}/competence", Practitioner, Own, 201),
        new("POST /api/subjects/{subjectId}/competence", Practitioner, Other, 403),
        new("POST /api/subjects/{subjectId}/competence", IgOfficer, Any, 403),
        new("POST /api/subjects/{subjectId}/competence", SafeguardingLead, Any, 403),
        new("POST /api/subjects/{subjectId}/competence", Auditor, Any, 403),
        new("GET /api/subjects/{subjectId}/competence", YoungCarer, Own, 200, Unchecked),
        new("GET /api/subjects/{subjectId}/competence", YoungCarer, Other, 403),
        new("GET /api/subjects/{subjectId}/competence", Practitioner, Own, 200, Unchecked),
        new("GET /api/subjects/{subjectId}/competence", Practitioner, Other, 200, Unchecked),
        new("GET /api/subjects/{subjectId}/competence", IgOfficer, Any, 403),
        new("GET /api/subjects/{subjectId}/competence", SafeguardingLead, Any, 403),
        new("GET /api/subjects/{subjectId}/competence", Auditor, Any, 403),

        // Issue 20: deletion requests are the recipient's (the requester's) to see and answer; auditors see them all.
        new("GET /api/disclosures?deletionRequest=", YoungCarer, Any, 403),
        new("GET /api/disclosures?deletionRequest=", Practitioner, Own, 200, Unchecked),
        new("GET /api/disclosures?deletionRequest=", IgOfficer, Any, 403),
        new("GET /api/disclosures?deletionRequest=", SafeguardingLead, Own, 200, Unchecked),
        new("GET /api/disclosures?deletionRequest=", Auditor, Any, 200, Unchecked),
        new("POST /api/disclosures/{id}/deletion", YoungCarer, Any, 403),
        new("POST /api/disclosures/{id}/deletion", Practitioner, Own, 409), // nothing was asked of it
        new("POST /api/disclosures/{id}/deletion", Practitioner, Counterpart, 403),
        new("POST /api/disclosures/{id}/deletion", Practitioner, Other, 404, Hidden),
        new("POST /api/disclosures/{id}/deletion", IgOfficer, Any, 403),
        new("POST /api/disclosures/{id}/deletion", SafeguardingLead, Own, 403),
        new("POST /api/disclosures/{id}/deletion", Auditor, Any, 403),

        // ── audit (services/Audit/README.md): the auditor's, and the young carer's own view ──
        new("GET /api/audit/entries", YoungCarer, Own, 403),
        new("GET /api/audit/entries", YoungCarer, Other, 403, Hidden),
        new("GET /api/audit/entries", Practitioner, Any, 403),
        new("GET /api/audit/entries", IgOfficer, Any, 403),
        new("GET /api/audit/entries", SafeguardingLead, Any, 403),
        new("GET /api/audit/entries", Auditor, Any, 200, "ConsentGranted"),

        // The brief names no role for verify and replay; both are the auditor's (services/Audit/README.md).
        new("GET /api/audit/verify", YoungCarer, Any, 403),
        new("GET /api/audit/verify", Practitioner, Any, 403),
        new("GET /api/audit/verify", IgOfficer, Any, 403),
        new("GET /api/audit/verify", SafeguardingLead, Any, 403),
        new("GET /api/audit/verify", Auditor, Any, 200, "\"valid\""),

        new("GET /api/audit/disclosures/{id}/replay", YoungCarer, Any, 403),
        new("GET /api/audit/disclosures/{id}/replay", Practitioner, Own, 403),
        new("GET /api/audit/disclosures/{id}/replay", IgOfficer, Any, 403),
        new("GET /api/audit/disclosures/{id}/replay", SafeguardingLead, Own, 403),
        new("GET /api/audit/disclosures/{id}/replay", Auditor, Any, 200, Shown),

        new("GET /api/audit/stats", YoungCarer, Any, 403),
        new("GET /api/audit/stats", Practitioner, Any, 403),
        new("GET /api/audit/stats", IgOfficer, Any, 403),
        new("GET /api/audit/stats", SafeguardingLead, Any, 403),
        new("GET /api/audit/stats", Auditor, Any, 200),

        // Issue 19 (services/Audit/README.md, Verifiable log): the checkpoint, its key and consistency
        // proofs are open to anyone, also without a token; inclusion proofs and leaves are the auditor's.
        new("GET /api/audit/checkpoint", YoungCarer, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint", Practitioner, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint", IgOfficer, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint", SafeguardingLead, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint", Auditor, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint", Anonymous, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint/key", YoungCarer, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/checkpoint/key", Practitioner, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/checkpoint/key", IgOfficer, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/checkpoint/key", SafeguardingLead, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/checkpoint/key", Auditor, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/checkpoint/key", Anonymous, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/proofs/consistency", YoungCarer, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/consistency", Practitioner, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/consistency", IgOfficer, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/consistency", SafeguardingLead, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/consistency", Auditor, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/consistency", Anonymous, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/inclusion", YoungCarer, Any, 403),
        new("GET /api/audit/proofs/inclusion", Practitioner, Any, 403),
        new("GET /api/audit/proofs/inclusion", IgOfficer, Any, 403),
        new("GET /api/audit/proofs/inclusion", SafeguardingLead, Any, 403),
        new("GET /api/audit/proofs/inclusion", Auditor, Any, 200, "\"leafIndex\""),
        new("GET /api/audit/proofs/inclusion", Anonymous, Any, 401),
        new("GET /api/audit/entries/{sequence}/leaf", YoungCarer, Any, 403),
        new("GET /api/audit/entries/{sequence}/leaf", Practitioner, Any, 403),
        new("GET /api/audit/entries/{sequence}/leaf", IgOfficer, Any, 403),
        new("GET /api/audit/entries/{sequence}/leaf", SafeguardingLead, Any, 403),
        new("GET /api/audit/entries/{sequence}/leaf", Auditor, Any, 200, "\"eventId\""),
        new("GET /api/audit/entries/{sequence}/leaf", Anonymous, Any, 401),
        new("GET /api/audit/export", YoungCarer, Any, 403),
        new("GET /api/audit/export", Practitioner, Any, 403),
        new("GET /api/audit/export", IgOfficer, Any, 403),
        new("GET /api/audit/export", SafeguardingLead, Any, 403),
        new("GET /api/audit/export", Auditor, Any, 200, "\"treeSize\""),
        new("GET /api/audit/export", Anonymous, Any, 401),
        new("POST /api/audit/checkpoint/cosignatures", YoungCarer, Any, 403),
        new("POST /api/audit/checkpoint/cosignatures", Practitioner, Any, 403),
        new("POST /api/audit/checkpoint/cosignatures", IgOfficer, Any, 403),
        new("POST /api/audit/checkpoint/cosignatures", SafeguardingLead, Any, 403),
        new("POST /api/audit/checkpoint/cosignatures", Auditor, Any, 415), // a cosigned checkpoint is text/plain
        new("POST /api/audit/checkpoint/cosignatures", Anonymous, Any, 401),

        new("GET /api/me/disclosures", YoungCarer, Own, 200, Shown),
        new("GET /api/me/disclosures", YoungCarer, Other, 200, Hidden), // naming another subject still shows only one's own
        new("GET /api/me/disclosures", Practitioner, Any, 403),
        new("GET /api/me/disclosures", IgOfficer, Any, 403),
        new("GET /api/me/disclosures", SafeguardingLead, Any, 403),
        new("GET /api/me/disclosures", Auditor, Any, 403),
        new("GET /api/me/proofs", YoungCarer, Any, 404),
        new("GET /api/me/proofs", Practitioner, Any, 403),
        new("GET /api/me/proofs", IgOfficer, Any, 403),
        new("GET /api/me/proofs", SafeguardingLead, Any, 403),
        new("GET /api/me/proofs", Auditor, Any, 403),
        new("GET /api/me/proofs", Anonymous, Any, 401),

        // Issue 18 (services/Consent/README.md, Linking): a link code is issued by a practitioner who may
        // see one of the young carer's consents (the school recorded it; the council is named in it), and
        // for anyone else the young carer is unknown; the code is used, and links listed, by young carers only.
        new("POST /api/link-codes", YoungCarer, Own, 403),
        new("POST /api/link-codes", YoungCarer, Other, 403),
        new("POST /api/link-codes", Practitioner, Own, 201, "\"code\""),
        new("POST /api/link-codes", Practitioner, Recipient, 201, "\"code\""),
        new("POST /api/link-codes", Practitioner, Other, 404),
        new("POST /api/link-codes", IgOfficer, Any, 403),
        new("POST /api/link-codes", SafeguardingLead, Any, 403),
        new("POST /api/link-codes", Auditor, Any, 403),
        new("POST /api/me/links", YoungCarer, Own, 404), // a code nobody issued
        new("POST /api/me/links", Practitioner, Any, 403),
        new("POST /api/me/links", IgOfficer, Any, 403),
        new("POST /api/me/links", SafeguardingLead, Any, 403),
        new("POST /api/me/links", Auditor, Any, 403),
        new("GET /api/me/links", YoungCarer, Own, 200, Unchecked),
        new("GET /api/me/links", Practitioner, Any, 403),
        new("GET /api/me/links", IgOfficer, Any, 403),
        new("GET /api/me/links", SafeguardingLead, Any, 403),
        new("GET /api/me/links", Auditor, Any, 403),

        // Issue 20: a Caldicott guardian reads its organisation's disclosures and reviews the holder's overrides; nothing else.
        new("POST /api/consents", CaldicottGuardian, Any, 403),
        new("POST /api/consents/{id}/pause", CaldicottGuardian, Any, 403),
        new("POST /api/consents/{id}/resume", CaldicottGuardian, Any, 403),
        new("POST /api/consents/{id}/withdraw", CaldicottGuardian, Any, 403),
        new("GET /api/consents/{id}", CaldicottGuardian, Any, 403),
        new("GET /api/consents?subjectId=", CaldicottGuardian, Any, 403),
        new("GET /api/consents/{id}/history", CaldicottGuardian, Any, 403),
        new("GET /api/consents/{id}/explanation", CaldicottGuardian, Any, 403),
        new("GET /api/consents/{id}/receipts", CaldicottGuardian, Any, 403),
        new("GET /api/consents/receipt-keys", CaldicottGuardian, Any, 200, "\"ES256\""),
        new("POST /api/consents/proposals", CaldicottGuardian, Any, 403),
        new("POST /api/consents/{id}/accept", CaldicottGuardian, Any, 403),
        new("POST /api/consents/{id}/confirm", CaldicottGuardian, Any, 403),
        new("POST /api/consents/{id}/decline", CaldicottGuardian, Any, 403),
        new("GET /api/dsas/templates", CaldicottGuardian, Any, 403),
        new("POST /api/dsas", CaldicottGuardian, Any, 403),
        new("PUT /api/dsas/{id}", CaldicottGuardian, Any, 403),
        new("POST /api/dsas/{id}/activate", CaldicottGuardian, Any, 403),
        new("POST /api/dsas/{id}/sign", CaldicottGuardian, Any, 403),
        new("POST /api/dsas/{id}/suspend", CaldicottGuardian, Any, 403),
        new("POST /api/dsas/{id}/reinstate", CaldicottGuardian, Any, 403),
        new("POST /api/dsas/{id}/terminate", CaldicottGuardian, Any, 403),
        new("GET /api/dsas?orgId=&purpose=&status=", CaldicottGuardian, Any, 403),
        new("GET /api/dsas/{id}", CaldicottGuardian, Any, 403),
        new("GET /api/dsas/{id}/history", CaldicottGuardian, Any, 403),
        new("POST /api/disclosures", CaldicottGuardian, Any, 403),
        new("POST /api/disclosures/{id}/approve-override", CaldicottGuardian, Any, 403),
        new("POST /api/disclosures/{id}/release", CaldicottGuardian, Any, 403),
        new("GET /api/disclosures/{id}/package", CaldicottGuardian, Any, 403),
        new("GET /api/disclosures/{id}", CaldicottGuardian, Own, 200, Shown),
        new("GET /api/disclosures/{id}", CaldicottGuardian, Other, 404, Hidden),
        new("GET /api/disclosures?subjectId=", CaldicottGuardian, Own, 200, Shown),
        new("GET /api/disclosures?subjectId=", CaldicottGuardian, Other, 200, Hidden),
        new("POST /api/subjects/{subjectId}/competence", CaldicottGuardian, Any, 403),
        new("GET /api/subjects/{subjectId}/competence", CaldicottGuardian, Any, 403),
        new("GET /api/disclosures?deletionRequest=", CaldicottGuardian, Own, 200, Unchecked),
        new("POST /api/disclosures/{id}/override-review", YoungCarer, Any, 403),
        new("POST /api/disclosures/{id}/override-review", Practitioner, Own, 403),
        new("POST /api/disclosures/{id}/override-review", IgOfficer, Any, 403),
        new("POST /api/disclosures/{id}/override-review", SafeguardingLead, Own, 403),
        new("POST /api/disclosures/{id}/override-review", Auditor, Any, 403),
        new("POST /api/disclosures/{id}/override-review", CaldicottGuardian, Own, 409), // no override to review on this one
        new("POST /api/disclosures/{id}/override-review", CaldicottGuardian, Counterpart, 403),
        new("POST /api/disclosures/{id}/override-review", CaldicottGuardian, Other, 404, Hidden),
        new("POST /api/disclosures/{id}/notice-delay", YoungCarer, Any, 403),
        new("POST /api/disclosures/{id}/notice-delay", Practitioner, Own, 403),
        new("POST /api/disclosures/{id}/notice-delay", IgOfficer, Any, 403),
        new("POST /api/disclosures/{id}/notice-delay", SafeguardingLead, Own, 409),
        new("POST /api/disclosures/{id}/notice-delay", SafeguardingLead, Other, 404, Hidden),
        new("POST /api/disclosures/{id}/notice-delay", Auditor, Any, 403),
        new("POST /api/disclosures/{id}/notice-delay", CaldicottGuardian, Any, 403),
        new("POST /api/disclosures/{id}/deletion", CaldicottGuardian, Any, 403),
        new("GET /api/audit/entries", CaldicottGuardian, Any, 403),
        new("GET /api/audit/verify", CaldicottGuardian, Any, 403),
        new("GET /api/audit/disclosures/{id}/replay", CaldicottGuardian, Any, 403),
        new("GET /api/audit/stats", CaldicottGuardian, Any, 403),
        new("GET /api/audit/checkpoint", CaldicottGuardian, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint/key", CaldicottGuardian, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/proofs/consistency", CaldicottGuardian, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/inclusion", CaldicottGuardian, Any, 403),
        new("GET /api/audit/entries/{sequence}/leaf", CaldicottGuardian, Any, 403),
        new("GET /api/audit/export", CaldicottGuardian, Any, 403),
        new("POST /api/audit/checkpoint/cosignatures", CaldicottGuardian, Any, 403),
        new("GET /api/me/disclosures", CaldicottGuardian, Any, 403),
        new("GET /api/me/proofs", CaldicottGuardian, Any, 403),
        new("POST /api/link-codes", CaldicottGuardian, Any, 403),
        new("POST /api/me/links", CaldicottGuardian, Any, 403),
        new("GET /api/me/links", CaldicottGuardian, Any, 403),

        // Issue 18: the tenant registry is a platform administrator's, and a platform administrator has
        // nothing else: every other route is 403 (the gateway's), the open routes stay open.
        .. TenantRoutes.SelectMany(route => AllRoles.Where(r => r != PlatformAdministrator).Select(role => new Row(route, role, Any, 403))),
        new("GET /api/tenants", PlatformAdministrator, Any, 200, "\"source\":\"configuration\""),
        new("PUT /api/tenants/{tenantId}", PlatformAdministrator, Any, 200, "\"source\":\"registry\""),
        new("POST /api/tenants/{tenantId}/offboard", PlatformAdministrator, Any, 404),
        .. OpenRoutes.Select(open => new Row(open.Key, PlatformAdministrator, Any, 200, open.Value)),
        .. Routes.Keys.Where(route => !TenantRoutes.Contains(route) && !OpenRoutes.ContainsKey(route)).Select(route => new Row(route, PlatformAdministrator, Any, 403)),
        // Issue 22: an analyst sees the statistics and nothing else; auditors keep everything, statistics included.
        .. Routes.Keys.Where(route => route.StartsWith("GET /fhir/", StringComparison.Ordinal) && !OpenRoutes.ContainsKey(route)).Select(route => new Row(route, Analyst, Any, 403)),
        .. OpenRoutes.Keys.Where(route => route.StartsWith("GET /fhir/", StringComparison.Ordinal)).Select(route => new Row(route, Analyst, Any, 200, OpenRoutes[route])),
        new("POST /api/consents", Analyst, Any, 403),
        new("POST /api/consents/{id}/pause", Analyst, Any, 403),
        new("POST /api/consents/{id}/resume", Analyst, Any, 403),
        new("POST /api/consents/{id}/withdraw", Analyst, Any, 403),
        new("GET /api/consents/{id}", Analyst, Any, 403),
        new("GET /api/consents?subjectId=", Analyst, Any, 403),
        new("GET /api/consents/{id}/history", Analyst, Any, 403),
        new("GET /api/consents/{id}/explanation", Analyst, Any, 403),
        new("GET /api/consents/{id}/receipts", Analyst, Any, 403),
        new("GET /api/consents/receipt-keys", Analyst, Any, 200, "\"ES256\""),
        new("POST /api/consents/proposals", Analyst, Any, 403),
        new("POST /api/consents/{id}/accept", Analyst, Any, 403),
        new("POST /api/consents/{id}/confirm", Analyst, Any, 403),
        new("POST /api/consents/{id}/decline", Analyst, Any, 403),
        new("GET /api/dsas/templates", Analyst, Any, 403),
        new("POST /api/dsas", Analyst, Any, 403),
        new("PUT /api/dsas/{id}", Analyst, Any, 403),
        new("POST /api/dsas/{id}/activate", Analyst, Any, 403),
        new("POST /api/dsas/{id}/sign", Analyst, Any, 403),
        new("POST /api/dsas/{id}/suspend", Analyst, Any, 403),
        new("POST /api/dsas/{id}/reinstate", Analyst, Any, 403),
        new("POST /api/dsas/{id}/terminate", Analyst, Any, 403),
        new("GET /api/dsas?orgId=&purpose=&status=", Analyst, Any, 403),
        new("GET /api/dsas/{id}", Analyst, Any, 403),
        new("GET /api/dsas/{id}/history", Analyst, Any, 403),
        new("POST /api/disclosures", Analyst, Any, 403),
        new("POST /api/disclosures/{id}/approve-override", Analyst, Any, 403),
        new("POST /api/disclosures/{id}/release", Analyst, Any, 403),
        new("GET /api/disclosures/{id}/package", Analyst, Any, 403),
        new("GET /api/disclosures/{id}", Analyst, Any, 403),
        new("GET /api/disclosures?subjectId=", Analyst, Any, 403),
        new("POST /api/subjects/{subjectId}/competence", Analyst, Any, 403),
        new("GET /api/subjects/{subjectId}/competence", Analyst, Any, 403),
        new("GET /api/disclosures?deletionRequest=", Analyst, Any, 403),
        new("POST /api/disclosures/{id}/override-review", Analyst, Any, 403),
        new("POST /api/disclosures/{id}/notice-delay", Analyst, Any, 403),
        new("POST /api/disclosures/{id}/deletion", Analyst, Any, 403),
        new("GET /api/audit/entries", Analyst, Any, 403),
        new("GET /api/audit/verify", Analyst, Any, 403),
        new("GET /api/audit/disclosures/{id}/replay", Analyst, Any, 403),
        new("GET /api/audit/stats", Analyst, Any, 200, "\"outcomes-by-purpose\""),
        new("GET /api/audit/checkpoint", Analyst, Any, 200, "\u2014 consentplatform.local/audit "),
        new("GET /api/audit/checkpoint/key", Analyst, Any, 200, "consentplatform.local/audit+"),
        new("GET /api/audit/proofs/consistency", Analyst, Any, 200, "\"hashes\""),
        new("GET /api/audit/proofs/inclusion", Analyst, Any, 403),
        new("GET /api/audit/entries/{sequence}/leaf", Analyst, Any, 403),
        new("GET /api/audit/export", Analyst, Any, 403),
        new("POST /api/audit/checkpoint/cosignatures", Analyst, Any, 403),
        new("GET /api/me/disclosures", Analyst, Any, 403),
        new("GET /api/me/proofs", Analyst, Any, 403),
        new("POST /api/link-codes", Analyst, Any, 403),
        new("POST /api/me/links", Analyst, Any, 403),
        new("GET /api/me/links", Analyst, Any, 403),
        new("GET /api/stats/{period}", Analyst, Any, 200, "\"outcomes-by-purpose\""),
        new("GET /api/stats/{period}.csv", Analyst, Any, 200, "time_period,time_identifier,geographic_level"),
        new("GET /api/stats/{period}.meta.csv", Analyst, Any, 200, "col_name,col_type"),
        new("GET /api/stats/{period}", YoungCarer, Any, 403),
        new("GET /api/stats/{period}", Practitioner, Any, 403),
        new("GET /api/stats/{period}", IgOfficer, Any, 403),
        new("GET /api/stats/{period}", SafeguardingLead, Any, 403),
        new("GET /api/stats/{period}", CaldicottGuardian, Any, 403),
        new("GET /api/stats/{period}", Auditor, Any, 200, "\"outcomes-by-purpose\""),
        new("GET /api/stats/{period}", Anonymous, Any, 401),
        new("GET /api/stats/{period}.csv", YoungCarer, Any, 403),
        new("GET /api/stats/{period}.csv", Practitioner, Any, 403),
        new("GET /api/stats/{period}.csv", IgOfficer, Any, 403),
        new("GET /api/stats/{period}.csv", SafeguardingLead, Any, 403),
        new("GET /api/stats/{period}.csv", CaldicottGuardian, Any, 403),
        new("GET /api/stats/{period}.csv", Auditor, Any, 200, "time_period,time_identifier,geographic_level"),
        new("GET /api/stats/{period}.csv", Anonymous, Any, 401),
        new("GET /api/stats/{period}.meta.csv", YoungCarer, Any, 403),
        new("GET /api/stats/{period}.meta.csv", Practitioner, Any, 403),
        new("GET /api/stats/{period}.meta.csv", IgOfficer, Any, 403),
        new("GET /api/stats/{period}.meta.csv", SafeguardingLead, Any, 403),
        new("GET /api/stats/{period}.meta.csv", CaldicottGuardian, Any, 403),
        new("GET /api/stats/{period}.meta.csv", Auditor, Any, 200, "col_name,col_type"),
        new("GET /api/stats/{period}.meta.csv", Anonymous, Any, 401),
        // ── the FHIR R4 facade (issue 21; "FHIR R4" in services/Consent/README.md and services/Audit/README.md) ──
        // The JSON API's rules; a search finds only what the caller may see, and another young carer's is an empty Bundle.
        new("GET /fhir/Consent/{id}", YoungCarer, Own, 200, Shown),
        new("GET /fhir/Consent/{id}", YoungCarer, Other, 404, Hidden),
        new("GET /fhir/Consent/{id}", Practitioner, Own, 200, Shown),
        new("GET /fhir/Consent/{id}", Practitioner, Recipient, 200, Shown),
        new("GET /fhir/Consent/{id}", Practitioner, Party, 200, Shown),
        new("GET /fhir/Consent/{id}", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /fhir/Consent/{id}", Practitioner, Other, 404, Hidden),
        new("GET /fhir/Consent/{id}", IgOfficer, Any, 403),
        new("GET /fhir/Consent/{id}", SafeguardingLead, Any, 403),
        new("GET /fhir/Consent/{id}", CaldicottGuardian, Any, 403),
        new("GET /fhir/Consent/{id}", Auditor, Any, 200, Shown),
        new("GET /fhir/Consent/{id}/_history", YoungCarer, Own, 200, Shown),
        new("GET /fhir/Consent/{id}/_history", YoungCarer, Other, 404, Hidden),
        new("GET /fhir/Consent/{id}/_history", Practitioner, Own, 200, Shown),
        new("GET /fhir/Consent/{id}/_history", Practitioner, Recipient, 200, Shown),
        new("GET /fhir/Consent/{id}/_history", Practitioner, Party, 200, Shown),
        new("GET /fhir/Consent/{id}/_history", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /fhir/Consent/{id}/_history", Practitioner, Other, 404, Hidden),
        new("GET /fhir/Consent/{id}/_history", IgOfficer, Any, 403),
        new("GET /fhir/Consent/{id}/_history", SafeguardingLead, Any, 403),
        new("GET /fhir/Consent/{id}/_history", CaldicottGuardian, Any, 403),
        new("GET /fhir/Consent/{id}/_history", Auditor, Any, 200, Shown),
        new("GET /fhir/Consent/{id}/_history/{vid}", YoungCarer, Own, 200, Shown),
        new("GET /fhir/Consent/{id}/_history/{vid}", YoungCarer, Other, 404, Hidden),
        new("GET /fhir/Consent/{id}/_history/{vid}", Practitioner, Own, 200, Shown),
        new("GET /fhir/Consent/{id}/_history/{vid}", Practitioner, Recipient, 200, Shown),
        new("GET /fhir/Consent/{id}/_history/{vid}", Practitioner, Party, 200, Shown),
        new("GET /fhir/Consent/{id}/_history/{vid}", Practitioner, UnnamedParty, 404, Hidden),
        new("GET /fhir/Consent/{id}/_history/{vid}", Practitioner, Other, 404, Hidden),
        new("GET /fhir/Consent/{id}/_history/{vid}", IgOfficer, Any, 403),
        new("GET /fhir/Consent/{id}/_history/{vid}", SafeguardingLead, Any, 403),
        new("GET /fhir/Consent/{id}/_history/{vid}", CaldicottGuardian, Any, 403),
        new("GET /fhir/Consent/{id}/_history/{vid}", Auditor, Any, 200, Shown),
        new("GET /fhir/Consent?patient=", YoungCarer, Own, 200, Shown),
        new("GET /fhir/Consent?patient=", YoungCarer, Other, 200, NoMatch), // an empty Bundle where the JSON API says 403
        new("GET /fhir/Consent?patient=", Practitioner, Own, 200, Shown),
        new("GET /fhir/Consent?patient=", Practitioner, Recipient, 200, Shown),
        new("GET /fhir/Consent?patient=", Practitioner, Party, 200, Shown),
        new("GET /fhir/Consent?patient=", Practitioner, UnnamedParty, 200, NoMatch),
        new("GET /fhir/Consent?patient=", Practitioner, Other, 200, NoMatch),
        new("GET /fhir/Consent?patient=", IgOfficer, Any, 403),
        new("GET /fhir/Consent?patient=", SafeguardingLead, Any, 403),
        new("GET /fhir/Consent?patient=", CaldicottGuardian, Any, 403),
        new("GET /fhir/Consent?patient=", Auditor, Any, 200, Shown),
        new("GET /fhir/AuditEvent?entity=", YoungCarer, Own, 200, Shown),
        new("GET /fhir/AuditEvent?entity=", YoungCarer, Other, 200, NoMatch),
        new("GET /fhir/AuditEvent?entity=", Practitioner, Any, 403),
        new("GET /fhir/AuditEvent?entity=", IgOfficer, Any, 403),
        new("GET /fhir/AuditEvent?entity=", SafeguardingLead, Any, 403),
        new("GET /fhir/AuditEvent?entity=", CaldicottGuardian, Any, 403),
        new("GET /fhir/AuditEvent?entity=", Auditor, Any, 200, Shown),
        new("GET /fhir/AuditEvent?patient=", YoungCarer, Own, 200, Shown),
        new("GET /fhir/AuditEvent?patient=", YoungCarer, Other, 200, NoMatch),
        new("GET /fhir/AuditEvent?patient=", Practitioner, Any, 403),
        new("GET /fhir/AuditEvent?patient=", IgOfficer, Any, 403),
        new("GET /fhir/AuditEvent?patient=", SafeguardingLead, Any, 403),
        new("GET /fhir/AuditEvent?patient=", CaldicottGuardian, Any, 403),
        new("GET /fhir/AuditEvent?patient=", Auditor, Any, 200, Shown),
        new("GET /fhir/metadata", YoungCarer, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/metadata", Practitioner, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/metadata", IgOfficer, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/metadata", SafeguardingLead, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/metadata", CaldicottGuardian, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/metadata", Auditor, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/metadata", Anonymous, Any, 200, "\"CapabilityStatement\""),
        new("GET /fhir/CodeSystem/{id}", YoungCarer, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/CodeSystem/{id}", Practitioner, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/CodeSystem/{id}", IgOfficer, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/CodeSystem/{id}", SafeguardingLead, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/CodeSystem/{id}", CaldicottGuardian, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/CodeSystem/{id}", Auditor, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/CodeSystem/{id}", Anonymous, Any, 200, "\"CodeSystem\""),
        new("GET /fhir/ValueSet/{id}", YoungCarer, Any, 200, "\"ValueSet\""),
        new("GET /fhir/ValueSet/{id}", Practitioner, Any, 200, "\"ValueSet\""),
        new("GET /fhir/ValueSet/{id}", IgOfficer, Any, 200, "\"ValueSet\""),
        new("GET /fhir/ValueSet/{id}", SafeguardingLead, Any, 200, "\"ValueSet\""),
        new("GET /fhir/ValueSet/{id}", CaldicottGuardian, Any, 200, "\"ValueSet\""),
        new("GET /fhir/ValueSet/{id}", Auditor, Any, 200, "\"ValueSet\""),
        new("GET /fhir/ValueSet/{id}", Anonymous, Any, 200, "\"ValueSet\""),
    ];

    private const string Reason = "Checked by the authorization matrix";

    protected static TheoryData<string, string, string, int, string> CasesOf(IEnumerable<Row> rows)
    {
        var data = new TheoryData<string, string, string, int, string>();
        foreach (var row in rows) data.Add(row.Route, row.Role, row.Relation, row.Status, row.Body);
        return data;
    }

    [Fact]
    public void The_table_tries_every_route_of_the_brief_with_every_role()
    {
        Assert.All(Matrix, row => Assert.True(Routes.ContainsKey(row.Route), $"{row.Route} is not a route of the brief"));
        Assert.All(Matrix, row => Assert.Contains(row.Role, AllRoles.Append(Anonymous)));
        var missing = Routes.Keys.SelectMany(route => AllRoles.Where(role => !Matrix.Any(r => r.Route == route && r.Role == role)).Select(role => $"{route} × {role}")).ToList();
        Assert.Empty(missing);
        var twice = Matrix.GroupBy(r => (r.Route, r.Role, r.Relation)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(twice);
    }

    /// <summary>One row: its request, sent as the row's caller, answered as the row says.</summary>
    protected async Task AnswersAsTheTableSaysAsync(string route, string role, string relation, int status, string body)
    {
        var ct = TestContext.Current.CancellationToken;
        var spec = Routes[route];
        var subject = SubjectFor(spec, role, relation);
        // A row that expects a change to succeed gets a target of its own, so rows never depend on each other.
        var fresh = status is >= 200 and < 300 && spec.Method != "GET";
        var target = await TargetAsync(spec.Target, role, relation, fresh);
        using var client = await CallerAsync(spec, role, relation);
        var path = spec.Path.Replace("{id}", target, StringComparison.Ordinal).Replace("{subject}", subject, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(new HttpMethod(spec.Method), new Uri(path, UriKind.Relative));
        if (spec.Body is not null) request.Content = JsonContent.Create(spec.Body(subject));

        // A refused change to a consent must leave it exactly as it was.
        var refusedChange = status >= 400 && spec.Method == "POST" && spec.Target is TargetKind.Consent or TargetKind.ConsentPaused or TargetKind.Proposal;
        var before = refusedChange ? await VersionOfConsentAsync(target!) : null;

        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (refusedChange) Assert.Equal(before, await VersionOfConsentAsync(target!));

        Assert.True((int)response.StatusCode == status, $"{spec.Method} {path} as {role} ({relation}) answered {(int)response.StatusCode}, the table says {status}: {text}");
        if (status >= 400)
        {
            // Under /fhir an error is FHIR's OperationOutcome (issue 21), everywhere else problem+json.
            var fhir = path.StartsWith("/fhir/", StringComparison.Ordinal);
            Assert.Equal(fhir ? "application/fhir+json" : "application/problem+json", response.Content.Headers.ContentType?.MediaType);
            if (fhir) Assert.Contains("\"OperationOutcome\"", text, StringComparison.Ordinal);
            Assert.DoesNotContain(subject, text, StringComparison.Ordinal);
        }

        switch (body)
        {
            case Unchecked:
                break;
            case Shown:
                Assert.Contains(target!, text, StringComparison.Ordinal);
                break;
            case Hidden:
                // A problem may echo the id the caller sent; a 2xx must not carry the target at all.
                if (target is not null && status < 400) Assert.DoesNotContain(target, text, StringComparison.Ordinal);
                Assert.DoesNotContain(subject, text, StringComparison.Ordinal);
                break;
            default:
                Assert.Contains(body, text, StringComparison.Ordinal);
                break;
        }
    }

    /// <summary>The young carer the row's data is about: another's for a young carer's (or a consent's) <c>other</c>.</summary>
    private string SubjectFor(RouteSpec spec, string role, string relation)
    {
        if (relation == Recipient) return world.OtherSubject;
        if (relation == UnnamedParty) return world.NamedSubject;
        if (relation != Other) return world.Subject;
        // A stranger organisation that creates something about a young carer (records a consent, asks
        // for a share) is its recorder or requester from then on and sees it in its lists: it creates
        // for a young carer of its own, so the shared subjects' rows stay strangers' to it whatever
        // order the rows run in.
        if (spec is { Method: "POST", Target: TargetKind.None }) return Scenario.NewSubject();
        return role == YoungCarer || spec.Path.StartsWith("/api/consents", StringComparison.Ordinal) || spec.Path.StartsWith("/fhir/Consent", StringComparison.Ordinal)
            ? world.OtherSubject
            : world.Subject;
    }

    private async Task<string?> TargetAsync(TargetKind target, string role, string relation, bool fresh)
    {
        var other = relation is Other or Recipient && (target is TargetKind.Consent or TargetKind.ConsentPaused or TargetKind.Proposal || role == YoungCarer);
        return (target, relation) switch
        {
            // Resuming is refused to every practitioner before the consent is looked at: any target will do.
            (TargetKind.Consent or TargetKind.ConsentPaused, UnnamedParty) => world.NamedConsentActive,
            // Answering is refused to every practitioner before the proposal is looked at: any open one will do.
            (TargetKind.Proposal, UnnamedParty or Party) => world.ProposalOpen,
            (TargetKind.Consent, Party) when fresh => await world.SelfGrantedConsentAsync(),
            (TargetKind.Consent or TargetKind.ConsentPaused, Party) => world.ConsentActive,
            _ => await SharedTargetAsync(target, other, fresh),
        };
    }

    private async Task<string?> SharedTargetAsync(TargetKind target, bool other, bool fresh)
    {
        return target switch
        {
            TargetKind.None => null,
            TargetKind.Consent when fresh => await world.FreshConsentAsync(other ? world.OtherSubject : world.Subject, paused: false),
            TargetKind.Consent => other ? world.OtherConsentActive : world.ConsentActive,
            TargetKind.ConsentPaused when fresh => await world.FreshConsentAsync(other ? world.OtherSubject : world.Subject, paused: true),
            TargetKind.ConsentPaused => other ? world.OtherConsentPaused : world.ConsentPaused,
            TargetKind.Proposal when fresh => await world.FreshProposalAsync(other ? world.OtherSubject : world.Subject),
            TargetKind.Proposal => other ? world.OtherProposalOpen : world.ProposalOpen,
            TargetKind.DsaDraft when fresh => await world.FreshDsaAsync(DsaState.Draft),
            TargetKind.DsaDraft => world.DsaDraft,
            TargetKind.DsaActive when fresh => await world.FreshDsaAsync(DsaState.Active),
            TargetKind.DsaActive => world.DsaActive,
            TargetKind.DsaSuspended when fresh => await world.FreshDsaAsync(DsaState.Suspended),
            TargetKind.DsaSuspended => world.DsaSuspended,
            TargetKind.Awaiting when fresh => await world.FreshDisclosureAsync(DisclosureState.Awaiting),
            TargetKind.Awaiting => world.DisclosureAwaiting,
            TargetKind.Approved when fresh => await world.FreshDisclosureAsync(DisclosureState.Approved),
            TargetKind.Approved => world.DisclosureApproved,
            TargetKind.Released when other => world.OtherDisclosure,
            TargetKind.Released => world.DisclosureReleased,
            _ => throw new ArgumentOutOfRangeException(nameof(target), target, null),
        };
    }

    /// <summary>A client with a dev token for the role, in the organisation the relation means on this route.</summary>
    private Task<HttpClient> CallerAsync(RouteSpec spec, string role, string relation)
    {
        if (role == Anonymous) return Task.FromResult(new HttpClient { BaseAddress = world.Platform.Gateway.BaseAddress });
        var disclosures = spec.Path.StartsWith("/api/disclosures", StringComparison.Ordinal);
        var counterpartOf = spec.OwnParty == SecurityWorld.Holder ? SecurityWorld.Requester : SecurityWorld.Holder;
        var org = role switch
        {
            YoungCarer or Auditor => null,
            _ when relation == Other => SecurityWorld.Stranger,
            _ when relation is Recipient or Party => SecurityWorld.Holder,
            _ when relation == UnnamedParty => SecurityWorld.Requester,
            _ when relation == Counterpart => counterpartOf,
            // A practitioner requests and reads for the school, releases for the council; a
            // safeguarding lead approves for the council; an IG officer governs for the council.
            Practitioner when disclosures => spec.OwnParty,
            Practitioner when spec.Path.StartsWith("/api/dsas", StringComparison.Ordinal) => SecurityWorld.Holder,
            Practitioner => SecurityWorld.Requester,
            _ => SecurityWorld.Holder,
        };
        return world.ClientAsync(role, org, role == YoungCarer ? world.Subject : null, name: $"matrix-{role.ToLowerInvariant()}");
    }

    /// <summary>The consent's status and version as an auditor reads them.</summary>
    private async Task<string> VersionOfConsentAsync(string consentId)
    {
        var auditor = await world.SharedClientAsync(Auditor, org: null, subjectId: null);
        var consent = await auditor.GetStringAsync(new Uri($"/api/consents/{consentId}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = System.Text.Json.JsonDocument.Parse(consent);
        return $"{json.RootElement.GetProperty("status").GetString()} v{json.RootElement.GetProperty("version").GetInt64()}";
    }

    private static string FreshPurpose() => "p-" + Guid.NewGuid().ToString("N")[..10];

    private sealed record RouteSpec(string Method, string Path, TargetKind Target, Func<string, object>? Body = null, string OwnParty = SecurityWorld.Requester);

    protected sealed record Row(string Route, string Role, string Relation, int Status, string Body = Unchecked);
}
