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

    /// <summary>404 (exactly as an unknown id) for a caller who is neither a party nor an auditor; 403 for a token that cannot act; else null.</summary>
    public static Refusal? RefusalUnlessVisible(Caller caller, DisclosureState state)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(state);
        if (Unidentified(caller) is { } unidentified) return unidentified;
        return IsAuditor(caller) || IsParty(caller, state) ? null : NotFound(state.Id);
    }

    /// <summary><see cref="RefusalUnlessVisible"/>, then 403 for anyone but the holder organisation.</summary>
    public static Refusal? RefusalUnlessHolder(Caller caller, DisclosureState state, string action = "release this disclosure") =>
        RefusalUnlessVisible(caller, state)
        ?? (string.Equals(caller.OrgId, state.Request.HolderOrgId, StringComparison.Ordinal)
            ? null
            : Refusal.Forbidden($"Only the holder organisation may {action}."));

    /// <summary><see cref="RefusalUnlessVisible"/>, then 403 for anyone but the requesting organisation.</summary>
    public static Refusal? RefusalUnlessRequester(Caller caller, DisclosureState state, string action = "read this package") =>
        RefusalUnlessVisible(caller, state)
        ?? (string.Equals(caller.OrgId, state.Request.RequesterOrgId, StringComparison.Ordinal)
            ? null
            : Refusal.Forbidden($"Only a practitioner of the requesting organisation may {action}."));

    public static Refusal NotFound(Guid id) => Refusal.NotFound($"Disclosure {id} was not found.");

    /// <summary>Everyone but an auditor acts for an organisation: a token without one cannot act (403); else null.</summary>
    public static Refusal? Unidentified(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(caller.UserId)) return Refusal.Forbidden("The token names no user.");
        return !IsAuditor(caller) && string.IsNullOrEmpty(caller.OrgId) ? Refusal.Forbidden("The token names no organisation.") : null;
    }
}
