namespace ConsentPlatform.Contracts.Consent;

/// <summary>The consent service's answer to <see cref="ConsentPing"/>.</summary>
public sealed record ConsentPong(Guid PingId, string Service, DateTimeOffset AnsweredAt);
