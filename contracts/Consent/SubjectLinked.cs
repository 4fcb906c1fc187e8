namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// A young carer's sign-in was linked to their ledger id with a valid, unused, unexpired link code
/// (issue 18). The sign-in is named by <see cref="SignInHash"/>, a hash of its issuer and subject,
/// never by the identity provider's own identifiers, and the code is never recorded.
/// </summary>
public sealed record SubjectLinked(
    Guid EventId,
    Guid LinkId,
    string SubjectId,
    string SignInHash,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
