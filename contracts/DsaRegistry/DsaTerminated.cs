namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>Published when a DSA is terminated (final), with the officer's reason. <see cref="Version"/> is the DSA's version after the event.</summary>
public sealed record DsaTerminated(
    Guid EventId,
    Guid DsaId,
    long Version,
    string Reason,
    EventActor Actor,
    DateTimeOffset OccurredAt) : IPlatformEvent
{
    public string? SubjectId => null;
}
