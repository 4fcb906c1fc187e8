namespace ConsentPlatform.Disclosure.Domain;

/// <summary>
/// A decision together with the live answers it was judged on, exactly as received (null: not
/// asked, or no answer in time). Recorded so that a replay can re-run the rulebook on the same inputs.
/// </summary>
public sealed record Judgement(ShareDecision Decision, ConsentCheckResult? ConsentCheck, DsaScopeResult? DsaCheck)
{
    public static Judgement Of(ShareRequest request, LiveAnswers answers, OverrideApproval? approval, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return new(ShareRulebook.Decide(request, answers.Consent, answers.Dsa, approval, at), answers.Consent, answers.Dsa);
    }

    public bool Approved => Decision.Outcome == ShareOutcome.Approved;
}

/// <summary>What the consent and DSA services answered (null: not asked, timed out, faulted, circuit open).</summary>
public sealed record LiveAnswers(ConsentCheckResult? Consent, DsaScopeResult? Dsa);
