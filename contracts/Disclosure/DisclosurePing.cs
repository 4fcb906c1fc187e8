namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>
/// Asks the disclosure service whether its bus endpoint answers: the request/response round trip
/// over RabbitMQ that every live check will use. Placeholder until the service's real checks land.
/// </summary>
public sealed record DisclosurePing(Guid PingId, DateTimeOffset SentAt);
