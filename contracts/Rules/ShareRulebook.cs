using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Contracts.DsaRegistry;

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
        var reasons = new SortedSet<ReasonCode>();
        var categories = request.DataCategories ?? [];

        // Rules 1 and 2: the DSA registry's answer, or fail closed without one.
        if (dsa is null)
        {
            reasons.Add(ReasonCode.CheckUnavailable);
        }
        else if (!dsa.Covered)
        {
            foreach (var code in dsa.Reasons ?? []) reasons.Add(code);
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
                        foreach (var code in consent.Reasons ?? []) reasons.Add(code);
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
        if (categories.Any(IsCaredFor)
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
            [.. reasons.Select(code => new ShareReason(code, Message(code)))],
            consentJudged ? consent!.ConsentId : null,
            consentJudged ? consent!.Version : null,
            covered ? dsa!.DsaId : null,
            covered ? dsa!.DsaVersion : null,
            checkedAt);
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
}
