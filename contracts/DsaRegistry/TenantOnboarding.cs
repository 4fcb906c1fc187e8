namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// One onboarded identity tenant as the platform maps it (issue 18): the tenant's id (<c>tid</c>),
/// a name for people, the organisation codes its staff may act for (none for a consumer tenant that
/// young carers sign in from), and the platform roles those organisations may hold. Kept by the DSA
/// registry, changed only by a platform administrator, and ledgered.
/// </summary>
public sealed record TenantOnboarding(string TenantId, string Name, IReadOnlyList<string> OrgIds, IReadOnlyList<string> Roles);
