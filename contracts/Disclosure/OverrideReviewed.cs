namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Issue 20: the holder organisation's Caldicott guardian reviewed an approved safeguarding
/// override after the fact, with a rationale (for the ledger and the organisations, not the young person).
/// </summary>
public sealed record OverrideReviewed(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    OverrideReviewOutcome Outcome,
    string Rationale,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
