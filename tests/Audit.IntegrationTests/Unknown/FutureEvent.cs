namespace ConsentPlatform.Audit.IntegrationTests.Unknown;

/// <summary>An event a newer publisher might send: not in this build's contracts.</summary>
public sealed record FutureEvent(Guid EventId, DateTimeOffset OccurredAt, EventActor Actor, string? SubjectId, string Novelty) : IPlatformEvent;

/// <summary>A malformed event: no event id. It must end in the error queue, reported.</summary>
public sealed record BrokenEvent(Guid EventId, DateTimeOffset OccurredAt, EventActor Actor, string? SubjectId) : IPlatformEvent;
