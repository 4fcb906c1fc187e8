namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Published when a DSA is suspended, with the officer's reason. <see cref="Version"/> is the DSA's version after the event.</summary>
public sealed record DsaSuspended(
    Guid EventId,
    Guid DsaId,
    long Version,
    string Reason,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
