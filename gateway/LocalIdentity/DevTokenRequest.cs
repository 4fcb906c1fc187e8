namespace ConsentPlatform.Gateway.LocalIdentity;

/// <summary>Who the caller wants to act as. <c>sub</c> is derived from these by the issuer.</summary>
public sealed record DevTokenRequest(string? Role, string? Name, string? Org, string? SubjectId, string? TenantId = null);

public sealed record DevTokenResponse(string AccessToken, int ExpiresIn);

public static class DevTokenRules
{
    /// <summary>Field name → messages; empty when the request may be granted a token.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(DevTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();

        if (request.Role is null || !PlatformRoles.All.Contains(request.Role, StringComparer.Ordinal))
        {
            errors.Add("role", $"role must be one of: {string.Join(", ", PlatformRoles.All)}.");
        }

        if (request.Org is not null && !Vocabulary.OrgId().IsMatch(request.Org))
        {
            errors.Add("org", "org must be 1-64 letters, digits or hyphens.");
        }

        // The local issuer's tenants are plain identifiers, narrower than Vocabulary.TenantId (an Entra tid may hold dots).
        if (request.TenantId is not null && !Vocabulary.OrgId().IsMatch(request.TenantId))
        {
            errors.Add("tenantId", "tenantId must be 1-64 letters, digits or hyphens.");
        }

        if (request.SubjectId is not null && !Vocabulary.SubjectId().IsMatch(request.SubjectId))
        {
            errors.Add("subjectId", "subjectId must be 1-64 letters, digits or hyphens.");
        }

        if (request.Name is not null && (request.Name.Length is < 1 or > 100 || request.Name.Any(char.IsControl)))
        {
            errors.Add("name", "name must be 1-100 printable characters.");
        }

        switch (request.Role)
        {
            case PlatformRoles.YoungCarer when request.SubjectId is null:
                errors.Add("subjectId", "A YoungCarer token needs the subjectId of the young carer.");
                break;
            // A token from a tenant gets its org from the platform's mapping of the tenant (Auth:Tenants).
            case PlatformRoles.Practitioner or PlatformRoles.IgOfficer or PlatformRoles.SafeguardingLead or PlatformRoles.CaldicottGuardian when request.Org is null && request.TenantId is null:
                errors.Add("org", $"A {request.Role} token needs the org the user works for (or the tenantId it comes from).");
                break;
        }

        return errors.ToDictionary();
    }
}
