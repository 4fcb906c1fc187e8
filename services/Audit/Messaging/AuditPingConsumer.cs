using ConsentPlatform.Contracts.Audit;
using MassTransit;

namespace ConsentPlatform.Audit.Messaging;

/// <summary>Answers <see cref="AuditPing"/>: proves the service's request endpoint is on the bus.</summary>
public sealed class AuditPingConsumer(TimeProvider clock) : IConsumer<AuditPing>
{
    public Task Consume(ConsumeContext<AuditPing> context) =>
        context.RespondAsync(new AuditPong(context.Message.PingId, AuditModule.ServiceName, clock.GetUtcNow()));
}
