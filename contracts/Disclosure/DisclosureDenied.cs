namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// The request (or, after an override approval, its re-check) was denied, with every failing
/// reason in <see cref="Decision"/> and the live answers it was judged on. Final.
/// </summary>
public sealed record DisclosureDenied(
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
