namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// The organisations the platform has onboarded, by the identity tenant their people sign in from
/// (issue 18): <c>Auth:Tenants</c>, the same list in the gateway and in every service. A tenant is
/// an Entra ID tenant of a school, GP practice, trust or council (its <c>tid</c>), or a consumer
/// tenant young carers sign in from (Entra External ID), which maps to no organisation and allows
/// only <c>YoungCarer</c>. What a tenant's own administrator cannot decide: which organisation code
/// their staff act for, and which of the platform's roles that organisation may hold.
/// </summary>
public sealed class OnboardedTenantsOptions
{
    public const string Section = "Auth:Tenants";

    public List<OnboardedTenant> Tenants { get; } = [];
}

/// <summary>
/// One onboarded tenant: its id (<c>tid</c>), a name for people, the organisation codes its staff may
/// act for (one, or several for a tenant shared by several organisations, such as a trust's GP
/// practices), and the roles the platform allows those organisations (a school has no <c>Auditor</c>).
/// </summary>
public sealed class OnboardedTenant
{
    public string TenantId { get; set; } = "";

    public string? Name { get; set; }

    public List<string> OrgIds { get; } = [];

    public List<string> Roles { get; } = [];
}
