namespace ConsentPlatform.Gateway.Authorization;

/// <summary>
/// Coarse, per-route role checks: a caller whose role can never use an API is refused here
/// with 403 and the service never sees the request. The finer checks (whose consent, which
/// organisation) stay in the services.
/// </summary>
public static class GatewayPolicies
{
    public const string ConsentApi = "consent-api";

    /// <summary>Proposing a consent for the young person to answer: practitioners only.</summary>
    public const string ConsentProposalApi = "consent-proposal-api";

    /// <summary>Accepting or declining a proposal: the young person's own answer, no one else's.</summary>
    public const string ConsentAnswerApi = "consent-answer-api";
    public const string DsaApi = "dsa-api";
    public const string DisclosureApi = "disclosure-api";
    public const string AuditApi = "audit-api";
    public const string MeApi = "me-api";

    /// <summary>Issuing a one-time code that links a young carer's sign-in to their ledger id: practitioners only.</summary>
    public const string SubjectLinkCodeApi = "subject-link-code-api";

    /// <summary>A young person's competence assessments (issue 20): practitioners record and read, the young person reads their own.</summary>
    public const string CompetenceApi = "competence-api";

    /// <summary>The ledgered registry of onboarded identity tenants (issue 18): platform administrators only.</summary>
    public const string TenantApi = "tenant-api";
    /// <summary>Statistics by fixed reporting period (issue 22): analysts, who see nothing else, and auditors.</summary>
    public const string StatisticsApi = "statistics-api";
    /// <summary>The FHIR facade's AuditEvent (issue 21): auditors all, a young carer the record of their own shares.</summary>
    public const string FhirAuditApi = "fhir-audit-api";

    public static IReadOnlyDictionary<string, string[]> RolesByPolicy { get; } = new Dictionary<string, string[]>
    {
        [ConsentApi] = [PlatformRoles.YoungCarer, PlatformRoles.Practitioner, PlatformRoles.Auditor],
        [ConsentProposalApi] = [PlatformRoles.Practitioner],
        [ConsentAnswerApi] = [PlatformRoles.YoungCarer],
        [DsaApi] = [PlatformRoles.IgOfficer, PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor],
        // Issue 20: a Caldicott guardian reads and reviews its organisation's safeguarding overrides.
        [DisclosureApi] = [PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor, PlatformRoles.CaldicottGuardian],
        [AuditApi] = [PlatformRoles.Auditor],
        [MeApi] = [PlatformRoles.YoungCarer],
        [SubjectLinkCodeApi] = [PlatformRoles.Practitioner],
        [CompetenceApi] = [PlatformRoles.Practitioner, PlatformRoles.YoungCarer],
        [TenantApi] = [PlatformRoles.PlatformAdministrator],
        [StatisticsApi] = [PlatformRoles.Analyst, PlatformRoles.Auditor],
        [FhirAuditApi] = [PlatformRoles.Auditor, PlatformRoles.YoungCarer],
    };

    public static IServiceCollection AddGatewayPolicies(this IServiceCollection services)
    {
        var authorization = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in RolesByPolicy)
        {
            authorization.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireAssertion(c => HasAnyRole(c.User, roles)));
        }

        return services;
    }

    // Local tokens keep the claim as "roles"; Entra tokens read with inbound claim mapping on
    // arrive as ClaimTypes.Role. Either way the value is the role name.
    private static bool HasAnyRole(ClaimsPrincipal user, string[] roles) =>
        user.Claims.Any(c => (c.Type == PlatformClaims.Roles || c.Type == ClaimTypes.Role)
                             && roles.Contains(c.Value, StringComparer.Ordinal));
}
