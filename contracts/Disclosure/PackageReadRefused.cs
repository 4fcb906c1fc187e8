namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// A read of a released package was refused because the live re-check no longer approves
/// (say, the consent was paused or the DSA suspended since release): every reason in <see cref="Decision"/>.
/// </summary>
public sealed record PackageReadRefused(
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
