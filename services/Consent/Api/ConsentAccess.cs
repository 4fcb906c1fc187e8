namespace ConsentPlatform.Consent.Api;

/// <summary>
/// The rules of who may touch which consent. A young carer sees and acts on their own subject's
/// consents; a practitioner on the consents that concern their organisation (<see cref="ConcernOf"/>);
/// an auditor reads every consent. Anyone else's is "not found", exactly like an unknown id.
/// </summary>
public static class ConsentAccess
{
    public static bool IsYoungCarer(Caller caller) => caller.IsInRole(PlatformRoles.YoungCarer);

    public static bool IsPractitioner(Caller caller) => caller.IsInRole(PlatformRoles.Practitioner);

    /// <summary>The 403 for a caller who may not grant for <paramref name="subjectId"/> (a young carer grants for their own subject only), or null.</summary>
    public static Refusal? RefusalToGrantFor(Caller caller, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Unidentified(caller) is { } unidentified) return unidentified;
        return IsYoungCarer(caller) && !string.Equals(caller.SubjectId, subjectId, StringComparison.Ordinal)
            ? Refusal.Forbidden("A young carer may grant consent for their own subject id only.")
            : null;
    }

    /// <summary>Another subject's consent does not exist for a young carer: 404, never data.</summary>
    public static Refusal? RefusalUnlessVisible(Caller caller, ConsentState consent)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(consent);
        if (Unidentified(caller) is { } unidentified) return unidentified;
        return IsYoungCarer(caller) && !string.Equals(caller.SubjectId, consent.Terms.SubjectId, StringComparison.Ordinal)
            ? Refusal.From(NotFound(consent.Id))
            : null;
    }

    /// <summary>The subject whose consents a caller lists: a young carer's own (the default), never another's (403); thrown, for the FHIR facade's search.</summary>
    public static string SubjectToList(Caller caller, string? requested)
    {
        var subject = SubjectToList(caller, requested, out var refusal);
        return refusal is null ? subject! : throw refusal.ToException();
    }

    /// <summary><see cref="SubjectToList(Caller, string?)"/> as a value: the subject, or the refusal (403 for another's, 400 for none named).</summary>
    public static string? SubjectToList(Caller caller, string? requested, out Refusal? refusal)
    {
        ArgumentNullException.ThrowIfNull(caller);
        refusal = Unidentified(caller);
        if (refusal is not null) return null;
        if (IsYoungCarer(caller))
        {
            requested ??= caller.SubjectId!;
            if (!string.Equals(requested, caller.SubjectId, StringComparison.Ordinal))
            {
                refusal = Refusal.Forbidden("A young carer may list their own consents only.");
                return null;
            }
        }

        refusal = requested is null ? Refusal.Invalid("subjectId", "The subjectId query parameter is required.") : null;
        return requested;
    }

    /// <summary>
    /// What ties a practitioner's organisation to a consent, as far as the consent itself tells:
    /// it recorded the consent, or is one of its named recipients. A consent with a recipient list
    /// that does not name the organisation is none of its concern. A consent without one is its
    /// concern only if it is a party to an active agreement for the consent's purpose, which the
    /// DSA registry answers (<see cref="ConsentVisibility"/>).
    /// </summary>
    public static ConsentConcern ConcernOf(string orgId, ConsentState consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        if (string.Equals(consent.RecordedByOrgId, orgId, StringComparison.Ordinal)) return ConsentConcern.Recorded;
        if (consent.Terms.RecipientOrgIds.Contains(orgId, StringComparer.Ordinal)) return ConsentConcern.Recipient;
        return consent.Terms.RecipientOrgIds.Count == 0 ? ConsentConcern.IfPartyToAgreementForPurpose : ConsentConcern.None;
    }

    public static NotFoundException NotFound(Guid consentId) => new($"Consent {consentId} was not found.");

    /// <summary>The caller a request's token names, and <see cref="Unidentified(Caller)"/>'s 403 if it acts for no one, or null.</summary>
    public static Refusal? Unidentified(ClaimsPrincipal user, out Caller caller)
    {
        caller = Caller.From(user);
        return Unidentified(caller);
    }

    /// <summary>A token without the claim its role depends on cannot act for anyone: the 403, or null.</summary>
    public static Refusal? Unidentified(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (IsYoungCarer(caller) && string.IsNullOrEmpty(caller.SubjectId))
        {
            return Refusal.Forbidden("The token acts for no young carer's ledger id: a young carer's own sign-in is linked to it with a one-time link code from their practitioner (POST /api/me/links).");
        }

        return IsPractitioner(caller) && string.IsNullOrEmpty(caller.OrgId) ? Refusal.Forbidden("The token names no organisation.") : null;
    }
}

/// <summary>Why a consent is, or may be, a practitioner's organisation's concern.</summary>
public enum ConsentConcern
{
    /// <summary>Not the organisation's concern: it does not exist for them.</summary>
    None,

    /// <summary>The organisation recorded it (the organisation on the granting event).</summary>
    Recorded,

    /// <summary>The organisation is named in its <c>recipientOrgIds</c>.</summary>
    Recipient,

    /// <summary>It names no recipients: it concerns every party to an active agreement for its purpose.</summary>
    IfPartyToAgreementForPurpose,
}
