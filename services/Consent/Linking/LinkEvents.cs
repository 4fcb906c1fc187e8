namespace ConsentPlatform.Consent.Linking;

// The events of one link code's stream (its id is the code's id, and later the link's): issued,
// then used once to link a sign-in, then perhaps ended. The code itself is never stored: only the
// hash of it (LinkCode.HashOf), so that the store cannot give a code away either.

public sealed record LinkCodeIssued(Guid CodeId, string SubjectId, string CodeHash, DateTimeOffset ExpiresAt, EventActor IssuedBy, DateTimeOffset IssuedAt);

public sealed record SignInLinked(Guid CodeId, string SubjectId, string SignInHash, EventActor LinkedBy, DateTimeOffset LinkedAt);

public sealed record SignInUnlinked(Guid CodeId, string SubjectId, string SignInHash, EventActor UnlinkedBy, DateTimeOffset UnlinkedAt);
