namespace ConsentPlatform.Consent.Using;

/// <summary>
/// One use of a consent, as the young person's explanation counts it (issue 16, like the Account
/// Aggregator's <c>ConsentUse</c>): a share approved under it, or a read of a released package
/// under it, learnt from the disclosure service's published events. Stored as a Marten document
/// whose id is the event's id: a redelivered or duplicated event writes the same document again,
/// never a second one.
/// <para>
/// What counts, and why. A use is the consent being relied on for the young person's data to
/// travel: an approval (the rulebook judged the share on this consent: <see cref="ShareDecision.ConsentId"/>)
/// and every read (the recipient saw the data, re-checked against this consent each time). A
/// release is not a use of its own: it is the holder carrying out a share already counted at its
/// approval, and counting it too would count one share twice before anyone had read it (the issue's
/// acceptance: two approved shares and one read are three uses). A safeguarding override is not a
/// use of consent at all: it is made without consent (its decision names no consent), and the young
/// person sees it in their own disclosure view. A refused release or read moved no data: not a use.
/// </para>
/// </summary>
public sealed record ConsentUse(
    Guid Id,
    Guid ConsentId,
    Guid DisclosureId,
    ConsentUseKind Kind,
    string UsedByOrgId,
    DateTimeOffset UsedAt)
{
    /// <summary>The share's approval, if it was judged on a consent: a use by the requesting organisation.</summary>
    public static ConsentUse? Of(DisclosureApproved approved)
    {
        ArgumentNullException.ThrowIfNull(approved);
        return UnderConsent(approved.Decision) is { } consentId
            ? new ConsentUse(approved.EventId, consentId, approved.DisclosureId, ConsentUseKind.ApprovedShare, approved.RequesterOrgId, approved.OccurredAt)
            : null;
    }

    /// <summary>A read of the released package, if it was re-checked against a consent: a use by the requesting organisation, which reads.</summary>
    public static ConsentUse? Of(PackageRead read)
    {
        ArgumentNullException.ThrowIfNull(read);
        return UnderConsent(read.Decision) is { } consentId
            ? new ConsentUse(read.EventId, consentId, read.DisclosureId, ConsentUseKind.PackageRead, read.RequesterOrgId, read.OccurredAt)
            : null;
    }

    private static Guid? UnderConsent(ShareDecision decision) =>
        decision.Outcome == ShareOutcome.Approved ? decision.ConsentId : null;
}
