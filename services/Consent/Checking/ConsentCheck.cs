namespace ConsentPlatform.Consent.Checking;

/// <summary>
/// Rule 3 of the rulebook over this service's read model: the rule itself is the shared, pure
/// <see cref="ConsentRule"/> in the contracts (the audit service replays decisions with it), fed
/// here with the <see cref="ConsentSnapshot"/> of each <see cref="ConsentState"/>.
/// </summary>
public static class ConsentCheck
{
    /// <summary>The consent that decides: the live one if any, otherwise the most recently granted; never a proposal.</summary>
    public static ConsentState? Choose(IEnumerable<ConsentState> consentsForPurpose)
    {
        ArgumentNullException.ThrowIfNull(consentsForPurpose);
        // A proposal (open, declined or lapsed) was never agreed to: it is no consent at all.
        var candidates = consentsForPurpose.Where(c => c.WasAgreed).ToList();
        var chosen = ConsentRule.Choose(candidates.Select(Snapshot));
        return chosen is null ? null : candidates.First(c => c.Id == chosen.ConsentId);
    }

    /// <summary>
    /// The live check over the consents found for it (any subject or purpose: only the check's own
    /// are judged), as the consumers of <see cref="CheckConsent"/> and <see cref="CheckConsentBatch"/>
    /// both answer it. A check that names no instant is judged at <paramref name="now"/>.
    /// </summary>
    public static ConsentCheckResult Answer(CheckConsent check, IEnumerable<ConsentState> found, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(check);
        ArgumentNullException.ThrowIfNull(found);
        if (check.At == default) check = check with { At = now };
        ConsentSnapshot? consent = null;
        if (!string.IsNullOrEmpty(check.SubjectId) && !string.IsNullOrEmpty(check.Purpose))
        {
            // A proposal (open, declined or lapsed) was never agreed to: it is no consent at all.
            consent = ConsentRule.Choose(found
                .Where(c => c.Terms.SubjectId == check.SubjectId && c.Terms.Purpose == check.Purpose && c.WasAgreed)
                .Select(Snapshot));
        }

        return ConsentRule.Check(consent, check);
    }

    public static ConsentCheckResult Evaluate(ConsentState? consent, CheckConsent check) =>
        ConsentRule.Check(consent is null || !consent.WasAgreed ? null : Snapshot(consent), check);

    public static ConsentSnapshot Snapshot(ConsentState consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        return new ConsentSnapshot(
            consent.Id,
            consent.Version,
            consent.Terms.SubjectId,
            consent.Terms.Purpose,
            consent.Terms.RecipientOrgIds,
            consent.Terms.DataCategories,
            consent.Status,
            consent.GrantedAt,
            consent.Terms.ExpiresAt);
    }
}
