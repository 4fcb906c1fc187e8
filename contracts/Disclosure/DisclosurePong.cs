namespace ConsentPlatform.Contracts.Disclosure;

/// <summary>The disclosure service's answer to <see cref="DisclosurePing"/>.</summary>
public sealed record DisclosurePong(Guid PingId, string Service, DateTimeOffset AnsweredAt);
