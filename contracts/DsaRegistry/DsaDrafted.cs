namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// Published when a DSA is drafted (status draft, version 1):
/// it carries the whole content of that version. <see cref="Version"/> is the DSA's version after the event.
/// </summary>
public sealed record DsaDrafted(
    Guid EventId,
    Guid DsaId,
    long Version,
    DsaContent Content,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
