using ConsentPlatform.Contracts.DsaRegistry;
using MassTransit;

namespace ConsentPlatform.DsaRegistry.Messaging;

/// <summary>Answers <see cref="DsaRegistryPing"/>: proves the service's request endpoint is on the bus.</summary>
public sealed class DsaRegistryPingConsumer(TimeProvider clock) : IConsumer<DsaRegistryPing>
{
    public Task Consume(ConsumeContext<DsaRegistryPing> context) =>
        context.RespondAsync(new DsaRegistryPong(context.Message.PingId, DsaRegistryModule.ServiceName, clock.GetUtcNow()));
}
