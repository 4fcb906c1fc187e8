using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.Consent.Domain;

/// <summary>Refusals shared by the changes of an existing consent.</summary>
public static class ConsentRefusals
{
    /// <summary>A withdrawn consent is final and an expired one is over: neither changes again (409). A proposal is not a consent to pause or withdraw, and a declined one is final.</summary>
    public static void EnsureNotEnded(ConsentState state, DateTimeOffset now, string change)
    {
        ArgumentNullException.ThrowIfNull(state);
        switch (state.StatusAt(now))
        {
            case ConsentStatus.Withdrawn:
                throw new ConflictException($"The consent was withdrawn, which is final: it cannot be {change}.");
            case ConsentStatus.Expired:
                throw new ConflictException($"The consent has expired: it cannot be {change}; grant a new one instead.");
            case ConsentStatus.Proposed:
                throw new ConflictException($"This is a proposal the young person has not answered yet, not a consent: it cannot be {change}. The young person accepts or declines it.");
            case ConsentStatus.Declined:
                throw new ConflictException($"The young person declined this proposal, which is final: it cannot be {change}.");
        }
    }
}
