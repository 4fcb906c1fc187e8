namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// A safeguarding request passed every rule and now waits for a safeguarding lead other than the
/// requester (<see cref="SafeguardingOverrideApproved"/>). Nothing can be released meanwhile.
/// </summary>
public sealed record DisclosureAwaitingOverrideApproval(
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
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
