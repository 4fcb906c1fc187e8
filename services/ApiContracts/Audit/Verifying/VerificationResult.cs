namespace ConsentPlatform.Audit.Verifying;

/// <summary>
/// The answer of a verification: whether the chain holds, how many entries there are, the hash of
/// the last one, and the first sequence at which the chain breaks (a row edited, removed, moved or
/// added out of turn; or entries cut off the end, found against the head row).
/// </summary>
public sealed record VerificationResult(bool Valid, long Entries, string HeadHash, long? FirstInvalidSequence);
