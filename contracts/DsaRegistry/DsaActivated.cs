namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Published when a DSA is activated: its status becomes active. <see cref="Version"/> is the DSA's version after the event.</summary>
public sealed record DsaActivated(
    Guid EventId,
    Guid DsaId,
    long Version,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
