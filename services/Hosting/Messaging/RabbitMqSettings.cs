namespace ConsentPlatform.Hosting.Messaging;

/// <summary>Where the broker is: configuration section <c>RabbitMq</c>.</summary>
public sealed record RabbitMqSettings
{
    public const string Section = "RabbitMq";

    public string Host { get; init; } = "127.0.0.1";
    public ushort Port { get; init; } = 5672;
    public string VirtualHost { get; init; } = "/";
    public string Username { get; init; } = "guest";
    public string Password { get; init; } = "guest";
}
