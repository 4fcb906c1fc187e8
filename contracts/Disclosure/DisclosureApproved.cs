namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// The request was approved: <see cref="Decision"/> names the consent and DSA versions judged on;
/// <see cref="ConsentCheck"/> and <see cref="DsaCheck"/> are the live answers exactly as received
/// (null when not asked or not answered), so a replay can re-run the rulebook on the same inputs.
/// <see cref="Approval"/> is set when a safeguarding override made it possible.
/// The package may be read for <see cref="RetentionDays"/> days (the DSA's retention) from <see cref="OccurredAt"/>.
/// </summary>
public sealed record DisclosureApproved(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    IReadOnlyList<string> DataCategories,
    ShareDecision Decision,
    ConsentCheckResult? ConsentCheck,
    DsaScopeResult? DsaCheck,
    OverrideApproval? Approval,
    int? RetentionDays,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
