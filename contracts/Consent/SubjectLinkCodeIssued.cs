namespace ConsentPlatform.Contracts.Consent;

/// <summary>
/// A practitioner who may see a young carer's consents issued a one-time link code for the young
/// carer's ledger id (issue 18). Never the code itself: only its id and when it stops working.
/// </summary>
public sealed record SubjectLinkCodeIssued(
    Guid EventId,
    Guid CodeId,
    string SubjectId,
    DateTimeOffset ExpiresAt,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
