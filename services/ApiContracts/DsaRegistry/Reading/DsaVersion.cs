namespace ConsentPlatform.DsaRegistry.Reading;

/// <summary>One version of a DSA (<c>GET /api/dsas/{id}/history</c>): the event that produced it, and the DSA as it stood after that event.</summary>
public sealed record DsaVersion(long Version, DsaChange Change, Dsa Dsa);

/// <summary>What produced a version: the event's type (<c>dsa-amended</c>), id, time, actor and any reason.</summary>
public sealed record DsaChange(string Event, Guid EventId, DateTimeOffset OccurredAt, EventActor Actor, string? Reason);
