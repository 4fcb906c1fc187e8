namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// The roles, as they appear in the token's <c>roles</c> claim: the brief's five, and (issue 20)
/// <c>CaldicottGuardian</c>, the senior person of an organisation who reviews its safeguarding overrides after the fact, and (issue 22)
/// <c>Analyst</c>, who sees aggregate statistics only.
/// </summary>
public static class PlatformRoles
{
    public const string YoungCarer = nameof(YoungCarer);
    public const string Practitioner = nameof(Practitioner);
    public const string IgOfficer = nameof(IgOfficer);
    public const string SafeguardingLead = nameof(SafeguardingLead);
    public const string Auditor = nameof(Auditor);
    public const string CaldicottGuardian = nameof(CaldicottGuardian);

    /// <summary>
    /// Issue 18: the platform operator's person who onboards and offboards organisations' identity
    /// tenants (the ledgered tenant registry) and nothing else: no consent, agreement, disclosure or
    /// ledger. Held only through a tenant of the platform's configuration, never one the registry adds.
    /// </summary>
    public const string PlatformAdministrator = nameof(PlatformAdministrator);

    /// <summary>Issue 22: a commissioner, an LA performance team, the national hub: sees the statistics and nothing else.</summary>
    public const string Analyst = nameof(Analyst);

    public static IReadOnlyList<string> All { get; } = [YoungCarer, Practitioner, IgOfficer, SafeguardingLead, Auditor, CaldicottGuardian, PlatformAdministrator, Analyst];
}

/// <summary>Claim types beyond the standard ones. Entra ID puts app roles in <c>roles</c>.</summary>
public static class PlatformClaims
{
    public const string Roles = "roles";
    public const string Org = "org";
    public const string SubjectId = "subject_id";
    public const string Name = "name";
}
