namespace ConsentPlatform.Disclosure.Api;

/// <summary>Who approved a safeguarding override and when (the rationale stays in the ledger).</summary>
public sealed record OverrideResponse(string ApprovedBy, string ApprovedByOrgId, DateTimeOffset ApprovedAt);

/// <summary>
/// The Disclosure resource of the brief. <c>decision</c> is the decision that set the status
/// (approval, denial, awaiting override); <c>lastCheck</c> the latest live re-check at release or
/// read, with its reasons when it refused. Issue 20: <c>blocked</c> (the consent and what happened to
/// it), <c>destroyedAt</c>, <c>deletion</c> (the request to the recipient and its answer),
/// <c>overrideReview</c> (the Caldicott guardian's finding) and <c>noticeDelay</c>. Never the released data. The disclosure service maps its state into it (<c>DisclosureResponses.From</c>).
/// </summary>
public sealed record DisclosureResponse(
    Guid Id,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> DataCategories,
    ShareBasis Basis,
    string? Justification,
    DisclosureStatus Status,
    ShareDecision? Decision,
    ShareDecision? LastCheck,
    string RequestedBy,
    DateTimeOffset RequestedAt,
    OverrideResponse? Override,
    DateTimeOffset? ReleasedAt,
    IReadOnlyList<string>? ReleasedCategories,
    DateTimeOffset? AvailableUntil,
    int Reads,
    DateTimeOffset? LastReadAt,
    DateTimeOffset? PurgedAt,
    long Version,
    BlockedShare? Blocked = null,
    DateTimeOffset? DestroyedAt = null,
    DeletionRequest? Deletion = null,
    OverrideReview? OverrideReview = null,
    NoticeDelay? NoticeDelay = null);
