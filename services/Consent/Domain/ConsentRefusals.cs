namespace ConsentPlatform.Consent.Domain;

/// <summary>Refusals shared by the changes of an existing consent.</summary>
public static class ConsentRefusals
{
    /// <summary>
    /// The 409 for a consent that has ended (or never began) at <paramref name="now"/>, or null: a
    /// withdrawn consent is final and an expired one is over, neither changes again; a proposal is
    /// not a consent to pause or withdraw, and a declined one is final.
    /// </summary>
    public static Refusal? Ended(ConsentState state, DateTimeOffset now, string change)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.StatusAt(now) switch
        {
            ConsentStatus.Withdrawn => Refusal.Conflict($"The consent was withdrawn, which is final: it cannot be {change}."),
            ConsentStatus.Expired => Refusal.Conflict($"The consent has expired: it cannot be {change}; grant a new one instead."),
            ConsentStatus.Proposed => Refusal.Conflict($"This is a proposal the young person has not answered yet, not a consent: it cannot be {change}. The young person accepts or declines it."),
            ConsentStatus.Declined => Refusal.Conflict($"The young person declined this proposal, which is final: it cannot be {change}."),
            _ => null,
        };
    }
}
