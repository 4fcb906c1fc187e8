namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Who a token acts as, as the platform maps it (issue 18): the gateway's <c>GET /auth/session</c> answer,
/// which the portal reads at sign-in. The organisation and roles are those of the token's tenant mapping.
/// </summary>
public sealed record SessionIdentity(string? UserId, string? Name, string? OrgId, IReadOnlyList<string> Roles, string? TenantId);
