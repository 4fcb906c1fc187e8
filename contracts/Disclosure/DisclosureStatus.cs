namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Where a disclosure stands. <c>Approved</c>: may be released; <c>Released</c>: the holder has
/// released the package and the requester may read it (each read re-checked); <c>Purged</c>: the
/// retention window ended and the payload is gone. <c>Blocked</c> (issue 20): approved, but the
/// consent it was approved under was paused, withdrawn or expired before release; final.
/// <c>Destroyed</c> (issue 20): released, then the consent was withdrawn before any read, and the
/// payload was deleted at once. Never reorder or rename.
/// </summary>
public enum DisclosureStatus
{
    Approved,
    Denied,
    AwaitingOverrideApproval,
    Released,
    Purged,
    Blocked,
    Destroyed,
}
