namespace ConsentPlatform.Consent.Linking;

/// <summary>A linked sign-in: which ledger id it acts for, since when, and whether it is the caller's own.</summary>
public sealed record LinkedSignIn(Guid LinkId, string SubjectId, DateTimeOffset LinkedAt, bool ThisSignIn);
