namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>
/// Asks the dsa-registry service whether its bus endpoint answers: the request/response round trip
/// over RabbitMQ that every live check will use. Placeholder until the service's real checks land.
/// </summary>
public sealed record DsaRegistryPing(Guid PingId, DateTimeOffset SentAt);
