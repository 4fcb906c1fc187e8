namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// Where a consent stands. <c>Active</c> and <c>Paused</c> are live (at most one live consent per
/// subject and purpose); <c>Withdrawn</c> is final; <c>Expired</c> means <c>expiresAt</c> has passed.
/// Never reorder or rename: ledgered events name these values.
/// </summary>
public enum ConsentStatus
{
    Active,
    Paused,
    Withdrawn,
    Expired,
}
