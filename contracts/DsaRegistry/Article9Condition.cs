namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// The UK GDPR article 9(2) conditions (a) to (j) for special category data, kebab case on the
/// wire (<c>health-or-social-care</c> is 9(2)(h)).
/// </summary>
public enum Article9Condition
{
    ExplicitConsent,
    EmploymentSocialSecurity,
    VitalInterests,
    NotForProfitBodies,
    MadePublicByDataSubject,
    LegalClaims,
    SubstantialPublicInterest,
    HealthOrSocialCare,
    PublicHealth,
    ArchivingResearchStatistics,
}
