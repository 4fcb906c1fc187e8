namespace ConsentPlatform.Consent.Api;

/// <summary>
/// The brief's <c>Consent</c> resource. <see cref="Status"/> is the status at the moment of the
/// request: a consent past its <see cref="ExpiresAt"/> shows as <c>expired</c> even before the
/// expiry job records it. A proposal (<c>proposed</c>, or <c>declined</c>, or <c>expired</c>
/// unanswered) shows when it was proposed as <see cref="GrantedAt"/> (nothing was granted),
/// with <see cref="ProposedAt"/>, <see cref="AnswerBy"/> and the practitioner's <see cref="Note"/>;
/// once accepted, <see cref="GrantedAt"/> is the moment of acceptance. Those three are omitted for
/// a consent that was never a proposal. <see cref="Proxy"/> (issue 20): who gave a parent's or guardian's consent;
/// <see cref="ConfirmBy"/>: by when the young person, now assessed competent, is asked to confirm it.
/// The consent service maps its state into it (<c>ConsentResponses.From</c>).
/// </summary>
public sealed record ConsentResponse(
    Guid Id,
    string SubjectId,
    string Purpose,
    IReadOnlyList<string> RecipientOrgIds,
    IReadOnlyList<string> DataCategories,
    GivenBy GivenBy,
    ConsentStatus Status,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt,
    long Version,
    DateTimeOffset? ProposedAt = null,
    DateTimeOffset? AnswerBy = null,
    string? Note = null,
    ConsentProxy? Proxy = null,
    DateTimeOffset? ConfirmBy = null);
