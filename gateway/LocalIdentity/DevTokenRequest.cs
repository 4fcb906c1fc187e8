using System.Text.RegularExpressions;
using ConsentPlatform.Hosting.Authentication;

namespace ConsentPlatform.Gateway.LocalIdentity;

/// <summary>Who the caller wants to act as. <c>sub</c> is derived from these by the issuer.</summary>
public sealed record DevTokenRequest(string? Role, string? Name, string? Org, string? SubjectId, string? TenantId = null);

public sealed record DevTokenResponse(string AccessToken, int ExpiresIn);

public static partial class DevTokenRules
{
    /// <summary>Field name → messages; empty when the request may be granted a token.</summary>
    public static Dictionary<string, string[]> Validate(DevTokenRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, List<string>>();
        void Fail(string field, string message)
        {
            if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
            messages.Add(message);
        }

        if (request.Role is null || !PlatformRoles.All.Contains(request.Role, StringComparer.Ordinal))
        {
            Fail("role", $"role must be one of: {string.Join(", ", PlatformRoles.All)}.");
        }

        if (request.Org is not null && !Identifier().IsMatch(request.Org))
        {
            Fail("org", "org must be 1-64 letters, digits or hyphens.");
        }

        if (request.TenantId is not null && !Identifier().IsMatch(request.TenantId))
        {
            Fail("tenantId", "tenantId must be 1-64 letters, digits or hyphens.");
        }

        if (request.SubjectId is not null && !Identifier().IsMatch(request.SubjectId))
        {
            Fail("subjectId", "subjectId must be 1-64 letters, digits or hyphens.");
        }

        if (request.Name is not null && (request.Name.Length is < 1 or > 100 || request.Name.Any(char.IsControl)))
        {
            Fail("name", "name must be 1-100 printable characters.");
        }

        switch (request.Role)
        {
            case PlatformRoles.YoungCarer when request.SubjectId is null:
                Fail("subjectId", "A YoungCarer token needs the subjectId of the young carer.");
                break;
            // A token from a tenant gets its org from the platform's mapping of the tenant (Auth:Tenants).
            case PlatformRoles.Practitioner or PlatformRoles.IgOfficer or PlatformRoles.SafeguardingLead or PlatformRoles.CaldicottGuardian when request.Org is null && request.TenantId is null:
                Fail("org", $"A {request.Role} token needs the org the user works for (or the tenantId it comes from).");
                break;
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    // \z, not $: "$" would also accept a trailing newline.
    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Identifier();
}
