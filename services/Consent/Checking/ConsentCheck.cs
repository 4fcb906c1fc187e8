using ConsentPlatform.Consent.Domain;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Contracts.Rules;

namespace ConsentPlatform.Consent.Checking;

/// <summary>
/// Rule 3 of the rulebook, the consent part, as a pure function: is there a consent for the subject
/// and purpose that is active at the instant asked, names the requester (or no one in particular)
/// and covers every requested category (or any)? Every failing reason is listed.
/// </summary>
public static class ConsentCheck
{
    /// <summary>The consent that decides: the live one if any, otherwise the most recently granted.</summary>
    public static ConsentState? Choose(IEnumerable<ConsentState> consentsForPurpose)
    {
        ArgumentNullException.ThrowIfNull(consentsForPurpose);
        return consentsForPurpose
            .OrderByDescending(c => c.IsLive)
            .ThenByDescending(c => c.GrantedAt)
            .ThenByDescending(c => c.Id)
            .FirstOrDefault();
    }

    public static ConsentCheckResult Evaluate(ConsentState? consent, CheckConsent check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (consent is null)
        {
            return new ConsentCheckResult(null, null, null, [ReasonCode.ConsentMissing], check.At);
        }

        var reasons = new List<ReasonCode>();
        var status = consent.StatusAt(check.At);
        switch (status)
        {
            case ConsentStatus.Paused:
                reasons.Add(ReasonCode.ConsentPaused);
                break;
            case ConsentStatus.Withdrawn:
                reasons.Add(ReasonCode.ConsentWithdrawn);
                break;
            case ConsentStatus.Expired:
                reasons.Add(ReasonCode.ConsentExpired);
                break;
        }

        var recipients = consent.Terms.RecipientOrgIds;
        if (recipients.Count > 0 && !recipients.Contains(check.RequesterOrgId, StringComparer.Ordinal))
        {
            reasons.Add(ReasonCode.ConsentRecipientMismatch);
        }

        var categories = consent.Terms.DataCategories;
        var requested = check.DataCategories ?? [];
        if (categories.Count > 0 && requested.Any(c => !categories.Contains(c, StringComparer.Ordinal)))
        {
            reasons.Add(ReasonCode.ConsentCategoryMismatch);
        }

        return new ConsentCheckResult(consent.Id, consent.Version, status, [.. reasons.Order()], check.At);
    }
}
