namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// Which roles reach which disclosure routes (403 otherwise). Young carers and IG officers reach
/// none: the young carer's view of who received what is the audit service's <c>/api/me/disclosures</c>.
/// Which organisation may touch which disclosure is <see cref="DisclosureAccess"/>.
/// </summary>
public static class DisclosurePolicies
{
    /// <summary>Reading decisions: practitioners, safeguarding leads and (issue 20) Caldicott guardians of the two orgs, auditors.</summary>
    public const string Read = "disclosure:read";

    /// <summary>Requesting, releasing, reading a package: practitioners.</summary>
    public const string Practitioner = "disclosure:practitioner";

    /// <summary>Approving a safeguarding override: safeguarding leads.</summary>
    public const string SafeguardingLead = "disclosure:safeguarding-lead";

    /// <summary>Reviewing an approved override after the fact (issue 20): Caldicott guardians.</summary>
    public const string CaldicottGuardian = "disclosure:caldicott-guardian";

    public static AuthorizationBuilder AddDisclosurePolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddRolesPolicy(Read, PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor, PlatformRoles.CaldicottGuardian)
            .AddRolesPolicy(CaldicottGuardian, PlatformRoles.CaldicottGuardian)
            .AddRolesPolicy(Practitioner, PlatformRoles.Practitioner)
            .AddRolesPolicy(SafeguardingLead, PlatformRoles.SafeguardingLead);
    }
}
