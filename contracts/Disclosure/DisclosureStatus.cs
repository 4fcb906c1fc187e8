namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Where a disclosure stands. <c>Approved</c>: may be released; <c>Released</c>: the holder has
/// released the package and the requester may read it (each read re-checked); <c>Purged</c>: the
/// retention window ended and the payload is gone. Never reorder or rename.
/// </summary>
public enum DisclosureStatus
{
    Approved,
    Denied,
    AwaitingOverrideApproval,
    Released,
    Purged,
}
