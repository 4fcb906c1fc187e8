namespace ConsentPlatform.Security.Tests.SignIn;

/// <summary>
/// The identity tenants the authorization matrix signs in from in the production configuration
/// (<see cref="ProductionSecurityWorld"/>): one staff tenant per organisation of the security world
/// (the council, the school, the stranger charity), each mapped to that organisation alone and
/// allowed the staff roles the table tries; the audit body's tenant, the only one allowed
/// <c>Auditor</c>; and accounts in the tenants <see cref="TestTenants"/> already configures: the
/// platform operator's (the only place <c>PlatformAdministrator</c> comes from) and the young
/// carers' consumer tenant, whose accounts are linked to the world's young carers with link codes.
/// </summary>
public static class MatrixTenants
{
    public const string Council = "tenant-matrix-council";
    public const string School = "tenant-matrix-school";
    public const string Stranger = "tenant-matrix-stranger";
    public const string AuditBody = "tenant-matrix-audit";

    /// <summary>The audit body's organisation code: an auditor acts for it, and it is party to nothing.</summary>
    public const string AuditBodyOrg = "AUDIT-SEC";

    /// <summary>The login of the operator's platform administrator.</summary>
    public const string Administrator = "matrix-admin";

    /// <summary>Each staff tenant's accounts: one per role, its login the role's name in lower case.</summary>
    private static readonly string[] StaffRoles =
        [PlatformRoles.Practitioner, PlatformRoles.IgOfficer, PlatformRoles.SafeguardingLead, PlatformRoles.CaldicottGuardian, PlatformRoles.Analyst];

    /// <summary>Consumer accounts, handed out in order, one per young carer the world links.</summary>
    public static IReadOnlyList<string> YoungCarerLogins { get; } = Enumerable.Range(1, 12).Select(i => $"matrix-yc-{i:00}").ToList();

    /// <summary>The staff tenant of each organisation.</summary>
    public static IReadOnlyDictionary<string, string> TenantOf { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [SecurityWorld.Holder] = Council,
        [SecurityWorld.Requester] = School,
        [SecurityWorld.Stranger] = Stranger,
        [AuditBodyOrg] = AuditBody,
    };

    public static string LoginOf(string role) => role.ToLowerInvariant();

    /// <summary>The tenants' mappings, numbered after those <see cref="TestTenants"/> configures.</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = TestTenants.SettingsOf(
        TestTenants.Count,
        (Council, "County Council (matrix)", [SecurityWorld.Holder], StaffRoles),
        (School, "Riverside School (matrix)", [SecurityWorld.Requester], StaffRoles),
        (Stranger, "A charity party to nothing (matrix)", [SecurityWorld.Stranger], StaffRoles),
        (AuditBody, "The audit body (matrix)", [AuditBodyOrg], [PlatformRoles.Auditor]));

    /// <summary>The accounts to add to the provider's tenants, by tenant.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<OidcAccount>> Accounts { get; } = new Dictionary<string, IReadOnlyList<OidcAccount>>(StringComparer.Ordinal)
    {
        [Council] = Staff(),
        [School] = Staff(),
        [Stranger] = Staff(),
        [AuditBody] = [new(LoginOf(PlatformRoles.Auditor), "Matrix Auditor", [PlatformRoles.Auditor])],
        [TestTenants.Platform] = [new(Administrator, "Matrix Administrator", [PlatformRoles.PlatformAdministrator])],
        [TestTenants.Consumer] = YoungCarerLogins.Select(login => new OidcAccount(login, "Matrix young carer", [PlatformRoles.YoungCarer])).ToList(),
    };

    private static List<OidcAccount> Staff() => StaffRoles.Select(role => new OidcAccount(LoginOf(role), $"Matrix {role}", [role])).ToList();
}
