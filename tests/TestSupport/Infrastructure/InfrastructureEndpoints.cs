namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>
/// A reachable PostgreSQL server and RabbitMQ broker. <see cref="PostgresServer"/> names no
/// database: each suite creates its own (<see cref="IsolatedDatabase"/>).
/// </summary>
public sealed record InfrastructureEndpoints(string PostgresServer, Uri RabbitMq, Uri RabbitMqManagement, string Source);
