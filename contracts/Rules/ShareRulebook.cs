namespace ConsentPlatform.Contracts.Rules;

/// <summary>
/// The brief's "Rules of a share" as one pure, deterministic function over plain data. The
/// disclosure service decides with it (at request, override approval, release and every read)
/// and the audit service replays decisions with it. No I/O and no clock: the instant of the
/// check comes in as <c>checkedAt</c>.
/// </summary>
/// <remarks>
/// <list type="number">
/// <item>Rules 1–2 (DSA, parties, purpose, categories) are the DSA registry's answer
/// (<see cref="DsaScopeResult"/>); an empty category list is <c>category-out-of-scope</c>.</item>
/// <item>Rule 3, basis <c>consent</c>: when the DSA purpose requires consent (or the DSA answer is
/// not known), the consent answer's reasons count; a missing consent answer is
/// <c>check-unavailable</c>. A purpose that does not require consent needs no consent answer.</item>
/// <item>Rule 3, basis <c>safeguarding</c>: the DSA purpose must allow the override
/// (<c>override-not-allowed</c>) and a justification must be given (<c>justification-required</c>);
/// until a safeguarding lead other than the requester approves, the outcome is
/// <c>awaiting-override-approval</c>. Consent is not consulted.</item>
/// <item>Rule 4: any <c>cared-for.</c> category needs a justification of at least
/// <see cref="CaredForJustificationMinLength"/> characters, whatever the basis.</item>
/// <item>A missing DSA answer is <c>check-unavailable</c>: fail closed.</item>
/// </list>
/// Every failing reason is listed once, in <see cref="ReasonCode"/> declaration order.
/// </remarks>
public static class ShareRulebook
{
    /// <summary>Categories with this prefix are about the cared-for family member, not the young carer.</summary>
    public const string CaredForPrefix = "cared-for.";

    public const int CaredForJustificationMinLength = 20;

    /// <summary>The role an override approver must hold.</summary>
    public const string SafeguardingLeadRole = "SafeguardingLead";

    public static ShareDecision Decide(
        ShareRequest request,
        ConsentCheckResult? consent,
        DsaScopeResult? dsa,
        OverrideApproval? approval,
        DateTimeOffset checkedAt)
    {
        ArgumentNullException.ThrowIfNull(request);
        var reasons = default(ReasonSet);
        var categories = request.DataCategories ?? [];

        // Rules 1 and 2: the DSA registry's answer, or fail closed without one.
        if (dsa is null)
        {
            reasons.Add(ReasonCode.CheckUnavailable);
        }
        else if (!dsa.Covered)
        {
            reasons.AddAll(dsa.Reasons);
            // An answer that says "not covered" without a reason is still not covered.
            if (dsa.Reasons is null || dsa.Reasons.Count == 0) reasons.Add(ReasonCode.NoActiveDsa);
        }

        if (categories.Count == 0)
        {
            reasons.Add(ReasonCode.CategoryOutOfScope);
        }

        var justified = !string.IsNullOrWhiteSpace(request.Justification);
        var consentJudged = false;

        // Rule 3.
        switch (request.Basis)
        {
            case ShareBasis.Consent:
                var consentNeeded = dsa is null || !dsa.Covered || dsa.RequiresConsent;
                if (consentNeeded)
                {
                    if (consent is null)
                    {
                        reasons.Add(ReasonCode.CheckUnavailable);
                    }
                    else
                    {
                        consentJudged = true;
                        reasons.AddAll(consent.Reasons);
                    }
                }

                break;

            case ShareBasis.Safeguarding:
                if (dsa is { Covered: true, AllowsSafeguardingOverride: false })
                {
                    reasons.Add(ReasonCode.OverrideNotAllowed);
                }

                if (!justified)
                {
                    reasons.Add(ReasonCode.JustificationRequired);
                }

                break;

            default:
                // A basis this rulebook does not know is never a reason to share.
                reasons.Add(ReasonCode.OverrideNotAllowed);
                break;
        }

        // Rule 4: data about the cared-for family member needs a written justification.
        if (AnyCaredFor(categories)
            && (request.Justification is null || request.Justification.Trim().Length < CaredForJustificationMinLength))
        {
            reasons.Add(ReasonCode.JustificationRequired);
        }

        var outcome = reasons.Count > 0
            ? ShareOutcome.Denied
            : request.Basis == ShareBasis.Safeguarding && !IsValidApproval(request, approval)
                ? ShareOutcome.AwaitingOverrideApproval
                : ShareOutcome.Approved;

        var covered = dsa is { Covered: true };
        return new ShareDecision(
            outcome,
            reasons.ToReasons(),
            consentJudged ? consent!.ConsentId : null,
            consentJudged ? consent!.Version : null,
            covered ? dsa!.DsaId : null,
            covered ? dsa!.DsaVersion : null,
            checkedAt);
    }

    private static bool AnyCaredFor(IReadOnlyList<string> categories)
    {
        // An index loop, not LINQ: the rulebook runs at every request, release and read.
        for (var i = 0; i < categories.Count; i++)
        {
            if (IsCaredFor(categories[i])) return true;
        }

        return false;
    }

    public static bool IsCaredFor(string category) =>
        category is not null && category.StartsWith(CaredForPrefix, StringComparison.Ordinal);

    /// <summary>An approval counts when a safeguarding lead other than the requester gave it.</summary>
    public static bool IsValidApproval(ShareRequest request, OverrideApproval? approval)
    {
        ArgumentNullException.ThrowIfNull(request);
        return approval is not null
               && string.Equals(approval.ApprovedByRole, SafeguardingLeadRole, StringComparison.Ordinal)
               && !string.IsNullOrEmpty(approval.ApprovedBy)
               && !string.Equals(approval.ApprovedBy, request.RequestedBy, StringComparison.Ordinal);
    }

    /// <summary>The plain-English message of a reason, the same for every decision (the young carer may read it).</summary>
    public static string Message(ReasonCode code) => code switch
    {
        ReasonCode.NoActiveDsa => "No active data sharing agreement covers this share at this moment.",
        ReasonCode.RequesterNotParty => "The requesting organisation is not a recipient under the data sharing agreement.",
        ReasonCode.HolderNotParty => "The holding organisation is not a provider under the data sharing agreement.",
        ReasonCode.PurposeNotInDsa => "The data sharing agreement does not include this purpose.",
        ReasonCode.CategoryOutOfScope => "At least one requested data category is not allowed for this purpose (or none was requested).",
        ReasonCode.ConsentMissing => "There is no consent for this purpose.",
        ReasonCode.ConsentPaused => "The consent for this purpose is paused.",
        ReasonCode.ConsentWithdrawn => "The consent for this purpose has been withdrawn.",
        ReasonCode.ConsentExpired => "The consent for this purpose has expired.",
        ReasonCode.ConsentRecipientMismatch => "The consent does not name the requesting organisation as a recipient.",
        ReasonCode.ConsentCategoryMismatch => "The consent does not cover every requested data category.",
        ReasonCode.OverrideNotAllowed => "This purpose does not allow a safeguarding override.",
        ReasonCode.JustificationRequired => "A written justification is required (at least 20 characters for data about the cared-for person).",
        ReasonCode.CheckUnavailable => "A live check did not answer in time, so nothing is shared.",
        _ => "The share is not allowed.",
    };

    /// <summary>
    /// The failing reasons as one bit per <see cref="ReasonCode"/>: the bits are already in the
    /// stable order, a reason added twice is one bit, and nothing is allocated until there is a
    /// reason to list (an approval lists none). A code outside 0–63 cannot come from a known
    /// answer, but if one ever does it is still listed, through a sorted set.
    /// </summary>
    private struct ReasonSet
    {
        private static readonly ShareReason[] Known =
            [.. Enum.GetValues<ReasonCode>().Where(code => (uint)code < 64).Order().Select(code => new ShareReason(code, Message(code)))];

        private ulong bits;
        private SortedSet<ReasonCode>? outOfRange;

        public readonly int Count => BitOperations.PopCount(bits) + (outOfRange?.Count ?? 0);

        public void Add(ReasonCode code)
        {
            if ((uint)code < 64) bits |= 1UL << (int)code;
            else (outOfRange ??= []).Add(code);
        }

        public void AddAll(IReadOnlyList<ReasonCode>? codes)
        {
            if (codes is null) return;
            for (var i = 0; i < codes.Count; i++) Add(codes[i]);
        }

        public readonly IReadOnlyList<ShareReason> ToReasons()
        {
            if (Count == 0) return [];
            if (outOfRange is not null)
            {
                var all = new SortedSet<ReasonCode>(outOfRange);
                for (var code = 0; code < 64; code++)
                {
                    if ((bits & (1UL << code)) != 0) all.Add((ReasonCode)code);
                }

                return [.. all.Select(Reason)];
            }

            var reasons = new ShareReason[Count];
            var n = 0;
            for (var remaining = bits; remaining != 0; remaining &= remaining - 1)
            {
                reasons[n++] = Reason((ReasonCode)BitOperations.TrailingZeroCount(remaining));
            }

            return reasons;
        }

        private static ShareReason Reason(ReasonCode code)
        {
            // Known is in code order without gaps while ReasonCode is 0, 1, 2…; check rather than assume.
            var index = (int)code;
            return index >= 0 && index < Known.Length && Known[index].Code == code ? Known[index] : new ShareReason(code, Message(code));
        }
    }
}
