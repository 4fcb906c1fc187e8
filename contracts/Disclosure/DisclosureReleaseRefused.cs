namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// A release was refused because the live re-check no longer approves (say, the consent was paused
/// since approval): <see cref="Decision"/> lists every reason. Nothing was stored.
/// </summary>
public sealed record DisclosureReleaseRefused(
    Guid EventId,
    Guid DisclosureId,
    string SubjectId,
    string Purpose,
    string RequesterOrgId,
    string HolderOrgId,
    ShareDecision Decision,
    ConsentCheckResult? ConsentCheck,
    DsaScopeResult? DsaCheck,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent;
