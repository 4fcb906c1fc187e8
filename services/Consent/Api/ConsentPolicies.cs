namespace ConsentPlatform.Consent.Api;

/// <summary>
/// Which roles reach which consent routes. <c>IgOfficer</c> and <c>SafeguardingLead</c> reach none
/// (403). Finer rules that depend on the consent itself (a young carer's own subject only, a
/// practitioner's reason) are in <see cref="ConsentAccess"/>.
/// </summary>
public static class ConsentPolicies
{
    /// <summary>Every consent route: young carers, practitioners, auditors.</summary>
    public const string Read = "consent:read";

    /// <summary>Grant, pause, withdraw: the young carer, or a practitioner on their behalf.</summary>
    public const string Act = "consent:act";

    /// <summary>Resume: the young carer only. Re-enabling sharing is the young person's own decision.</summary>
    public const string Resume = "consent:resume";

    /// <summary>Propose a consent for the young person to answer: practitioners only (a young carer grants directly).</summary>
    public const string Propose = "consent:propose";

    /// <summary>Accept or decline a proposal: the young carer only. The answer is the young person's own.</summary>
    public const string Answer = "consent:answer";

    public static AuthorizationBuilder AddConsentPolicies(this AuthorizationBuilder authorization)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        return authorization
            .AddRolesPolicy(Read, PlatformRoles.YoungCarer, PlatformRoles.Practitioner, PlatformRoles.Auditor)
            .AddRolesPolicy(Act, PlatformRoles.YoungCarer, PlatformRoles.Practitioner)
            .AddRolesPolicy(Resume, PlatformRoles.YoungCarer)
            .AddRolesPolicy(Propose, PlatformRoles.Practitioner)
            .AddRolesPolicy(Answer, PlatformRoles.YoungCarer);
    }
}
