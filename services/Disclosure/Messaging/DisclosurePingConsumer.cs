using ConsentPlatform.Contracts.Disclosure;
using MassTransit;

namespace ConsentPlatform.Disclosure.Messaging;

/// <summary>Answers <see cref="DisclosurePing"/>: proves the service's request endpoint is on the bus.</summary>
public sealed class DisclosurePingConsumer(TimeProvider clock) : IConsumer<DisclosurePing>
{
    public Task Consume(ConsumeContext<DisclosurePing> context) =>
        context.RespondAsync(new DisclosurePong(context.Message.PingId, DisclosureModule.ServiceName, clock.GetUtcNow()));
}
