namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>The UK GDPR article 6(1) lawful bases, kebab case on the wire (<c>legal-obligation</c>).</summary>
public enum Article6Basis
{
    Consent,
    Contract,
    LegalObligation,
    VitalInterests,
    PublicTask,
    LegitimateInterests,
}
