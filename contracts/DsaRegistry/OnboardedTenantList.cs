namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>The registry's tenants as they stand at <see cref="Version"/> (the registry stream's version; 0 before the first onboarding).</summary>
public sealed record OnboardedTenantList(long Version, IReadOnlyList<TenantOnboarding> Tenants);
