namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Where a consent stands. <c>Active</c> and <c>Paused</c> are live (at most one live consent per
/// subject and purpose); <c>Withdrawn</c> is final; <c>Expired</c> means <c>expiresAt</c> has passed
/// (or, for a proposal, that it was not answered in time). <c>Proposed</c> is a practitioner's
/// question to the young person, never an answer: it passes no check; <c>Declined</c> is the young
/// person's no to it, final. Never reorder or rename, only append: ledgered events name these values.
/// </summary>
public enum ConsentStatus
{
    Active,
    Paused,
    Withdrawn,
    Expired,
    Proposed,
    Declined,
}
