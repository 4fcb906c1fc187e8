namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// Asks the DSA registry for every tenant onboarded through its ledgered registry, answered with
/// <see cref="OnboardedTenantList"/>. Every process that validates tokens (the gateway and each
/// service) asks it every few seconds, so an onboarding or an offboarding reaches them all.
/// </summary>
public sealed record ListOnboardedTenants;
