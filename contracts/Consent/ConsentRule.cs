namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Rule 3 of the rulebook, the consent part, as a pure function over plain data: is there a consent
/// for the subject and purpose that is active at the instant asked, names the requester (or no one
/// in particular) and covers every requested category (or any)? Every failing reason is listed.
/// The consent service answers <see cref="CheckConsent"/> with it; the audit service replays it
/// over the consent versions it ledgered.
/// </summary>
public static class ConsentRule
{
    /// <summary>
    /// The consent that decides: the live one if any, otherwise the most recently granted. A
    /// proposal, open or declined, is a question and never an answer: it is no consent at all, so
    /// it is never chosen (the subject then has "no consent" for the purpose: <c>consent-missing</c>).
    /// A proposal that lapsed unanswered reads <see cref="ConsentStatus.Expired"/> like a consent
    /// that ran out; its callers leave it out, as they know it was never agreed to
    /// (the consent service's read model, the audit replay's ledgered events).
    /// </summary>
    public static ConsentSnapshot? Choose(IEnumerable<ConsentSnapshot> consentsForPurpose)
    {
        ArgumentNullException.ThrowIfNull(consentsForPurpose);
        return consentsForPurpose
            .Where(c => !IsProposal(c.Status))
            .OrderByDescending(c => c.IsLive)
            .ThenByDescending(c => c.GrantedAt)
            .ThenByDescending(c => c.ConsentId)
            .FirstOrDefault();
    }

    /// <summary>Judges <paramref name="check"/> against the chosen consent (null: the subject has none for the purpose).</summary>
    public static ConsentCheckResult Check(ConsentSnapshot? consent, CheckConsent check)
    {
        ArgumentNullException.ThrowIfNull(check);
        // A proposal handed in directly still passes nothing: fail closed.
        if (consent is null || IsProposal(consent.Status))
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

        var recipients = consent.RecipientOrgIds ?? [];
        if (recipients.Count > 0 && !recipients.Contains(check.RequesterOrgId, StringComparer.Ordinal))
        {
            reasons.Add(ReasonCode.ConsentRecipientMismatch);
        }

        var categories = consent.DataCategories ?? [];
        var requested = check.DataCategories ?? [];
        if (categories.Count > 0 && requested.Any(c => !categories.Contains(c, StringComparer.Ordinal)))
        {
            reasons.Add(ReasonCode.ConsentCategoryMismatch);
        }

        return new ConsentCheckResult(consent.ConsentId, consent.Version, status, [.. reasons.Order()], check.At);
    }

    private static bool IsProposal(ConsentStatus status) => status is ConsentStatus.Proposed or ConsentStatus.Declined;
}
