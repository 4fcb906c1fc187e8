namespace ConsentPlatform.Contracts.Consent;

/// <summary>A young carer ended one of their linked sign-ins: it no longer acts for their ledger id.</summary>
public sealed record SubjectUnlinked(
    Guid EventId,
    Guid LinkId,
    string SubjectId,
    string SignInHash,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
