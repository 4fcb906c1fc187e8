namespace ConsentPlatform.Contracts.Audit;

/// <summary>The audit service's answer to <see cref="AuditPing"/>.</summary>
public sealed record AuditPong(Guid PingId, string Service, DateTimeOffset AnsweredAt);
