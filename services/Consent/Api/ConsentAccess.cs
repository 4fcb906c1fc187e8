using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.Hosting.Problems;

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

    /// <summary>A young carer grants for their own subject only (403 otherwise).</summary>
    public static void EnsureMayGrantFor(Caller caller, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        EnsureIdentified(caller);
        if (IsYoungCarer(caller) && !string.Equals(caller.SubjectId, subjectId, StringComparison.Ordinal))
        {
            throw new ForbiddenException("A young carer may grant consent for their own subject id only.");
        }
    }

    /// <summary>Another subject's consent does not exist for a young carer: 404, never data.</summary>
    public static void EnsureVisible(Caller caller, ConsentState consent)
    {
        if (RefusalUnlessVisible(caller, consent) is { } refusal) throw refusal.ToException();
    }

    /// <inheritdoc cref="EnsureVisible"/>
    public static Refusal? RefusalUnlessVisible(Caller caller, ConsentState consent)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(consent);
        if (Unidentified(caller) is { } unidentified) return unidentified;
        return IsYoungCarer(caller) && !string.Equals(caller.SubjectId, consent.Terms.SubjectId, StringComparison.Ordinal)
            ? Refusal.From(NotFound(consent.Id))
            : null;
    }

    /// <summary>The subject whose consents a caller lists: a young carer's own (the default), never another's (403).</summary>
    public static string SubjectToList(Caller caller, string? requested)
    {
        ArgumentNullException.ThrowIfNull(caller);
        EnsureIdentified(caller);
        if (IsYoungCarer(caller))
        {
            requested ??= caller.SubjectId!;
            if (!string.Equals(requested, caller.SubjectId, StringComparison.Ordinal))
            {
                throw new ForbiddenException("A young carer may list their own consents only.");
            }
        }

        return requested ?? throw new RequestValidationException("subjectId", "The subjectId query parameter is required.");
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

    /// <summary>A token without the claim its role depends on cannot act for anyone.</summary>
    public static void EnsureIdentified(Caller caller)
    {
        if (Unidentified(caller) is { } refusal) throw refusal.ToException();
    }

    /// <inheritdoc cref="EnsureIdentified"/>
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
