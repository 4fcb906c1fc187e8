namespace ConsentPlatform.TestSupport.Infrastructure;

/// <summary>Where a process under test finds its broker: the <c>RabbitMq</c> configuration section.</summary>
public sealed record BrokerSettings(string Host, ushort Port, string VirtualHost, string Username, string Password)
{
    public IEnumerable<KeyValuePair<string, string?>> AsConfiguration() =>
    [
        new("RabbitMq:Host", Host),
        new("RabbitMq:Port", Port.ToString(CultureInfo.InvariantCulture)),
        new("RabbitMq:VirtualHost", VirtualHost),
        new("RabbitMq:Username", Username),
        new("RabbitMq:Password", Password),
    ];
}
