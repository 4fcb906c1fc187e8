namespace ConsentPlatform.Hosting.Authentication;

/// <summary>Who is calling, read once from the validated token; never from a header or body.</summary>
public sealed record Caller(string UserId, string Role, string? OrgId, string? SubjectId, string? Name)
{
    public bool IsInRole(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    public static Caller From(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var role = principal.FindFirst(PlatformClaims.Roles)?.Value
                   ?? principal.FindFirst(ClaimTypes.Role)?.Value
                   ?? string.Empty;
        var userId = principal.FindFirst("sub")?.Value
                     ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value
                     ?? principal.FindFirst("oid")?.Value
                     ?? string.Empty;
        return new Caller(
            userId,
            role,
            principal.FindFirst(PlatformClaims.Org)?.Value,
            principal.FindFirst(PlatformClaims.SubjectId)?.Value,
            principal.FindFirst(PlatformClaims.Name)?.Value);
    }
}
