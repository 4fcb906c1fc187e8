using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Disclosure.Domain;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.Disclosure.Api;

/// <summary>
/// Who may see and act on which disclosure, from the token only. A disclosure exists only for
/// its requester and holder organisations and for auditors: for anyone else it is "not found",
/// exactly like an unknown id. Of the two organisations, only the holder releases and only the
/// requester reads the package (403 for the other).
/// </summary>
public static class DisclosureAccess
{
    public static bool IsAuditor(Caller caller) => caller is not null && caller.IsInRole(PlatformRoles.Auditor);

    public static bool IsParty(Caller caller, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(state);
        return caller.OrgId is { Length: > 0 } org
               && (string.Equals(org, state.Request.RequesterOrgId, StringComparison.Ordinal)
                   || string.Equals(org, state.Request.HolderOrgId, StringComparison.Ordinal));
    }

    public static void EnsureVisible(Caller caller, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(state);
        EnsureIdentified(caller);
        if (!IsAuditor(caller) && !IsParty(caller, state)) throw NotFound(state.Id);
    }

    public static void EnsureHolder(Caller caller, DisclosureState state, string action = "release this disclosure")
    {
        EnsureVisible(caller, state);
        if (!string.Equals(caller.OrgId, state.Request.HolderOrgId, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"Only the holder organisation may {action}.");
        }
    }

    public static void EnsureRequester(Caller caller, DisclosureState state, string action = "read this package")
    {
        EnsureVisible(caller, state);
        if (!string.Equals(caller.OrgId, state.Request.RequesterOrgId, StringComparison.Ordinal))
        {
            throw new ForbiddenException($"Only a practitioner of the requesting organisation may {action}.");
        }
    }

    public static NotFoundException NotFound(Guid id) => new($"Disclosure {id} was not found.");

    /// <summary>Everyone but an auditor acts for an organisation: a token without one cannot act.</summary>
    public static void EnsureIdentified(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(caller.UserId))
        {
            throw new ForbiddenException("The token names no user.");
        }

        if (!IsAuditor(caller) && string.IsNullOrEmpty(caller.OrgId))
        {
            throw new ForbiddenException("The token names no organisation.");
        }
    }
}
