namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary>
/// Who reads the registry: IG officers, practitioners, safeguarding leads and auditors, of any
/// organisation (a DSA holds no personal data). Young carers read purpose descriptions through
/// the audit service's transparency view, not here: 403.
/// </summary>
public static class Readers
{
    public static IReadOnlyList<string> Roles { get; } =
        [PlatformRoles.IgOfficer, PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor];

    public static void Policy(AuthorizationPolicyBuilder policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        policy.RequireAuthenticatedUser().RequireClaim(PlatformClaims.Roles, Roles);
    }
}
