namespace ConsentPlatform.Contracts.DsaRegistry;

/// <summary>The dsa-registry service's answer to <see cref="DsaRegistryPing"/>.</summary>
public sealed record DsaRegistryPong(Guid PingId, string Service, DateTimeOffset AnsweredAt);
