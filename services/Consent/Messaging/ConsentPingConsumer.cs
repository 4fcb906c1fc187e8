using ConsentPlatform.Contracts.Consent;
using MassTransit;

namespace ConsentPlatform.Consent.Messaging;

/// <summary>Answers <see cref="ConsentPing"/>: proves the service's request endpoint is on the bus.</summary>
public sealed class ConsentPingConsumer(TimeProvider clock) : IConsumer<ConsentPing>
{
    public Task Consume(ConsumeContext<ConsentPing> context) =>
        context.RespondAsync(new ConsentPong(context.Message.PingId, ConsentModule.ServiceName, clock.GetUtcNow()));
}
