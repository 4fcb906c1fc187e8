namespace ConsentPlatform.Hosting.Authentication;

/// <summary>
/// Who a token acts as, as the platform maps it (issue 18): the gateway's <c>GET /auth/session</c> answer,
/// which the portal reads at sign-in. The organisation and roles are those of the token's tenant mapping.
/// <see cref="OrgChoices"/>: for a tenant mapped to several organisations, those its user may choose among
/// (sent back as <c>X-Acting-Org</c>); until one is chosen, <see cref="OrgId"/> is null and <see cref="Roles"/> empty.
/// </summary>
public sealed record SessionIdentity(string? UserId, string? Name, string? OrgId, IReadOnlyList<string> Roles, string? TenantId, IReadOnlyList<string>? OrgChoices = null);
