using MassTransit;

namespace ConsentPlatform.Consent.Using;

/// <summary>
/// Records the uses of consents (<see cref="ConsentUse"/>) from the disclosure service's published
/// <see cref="DisclosureApproved"/> and <see cref="PackageRead"/>. Idempotent by the event's id: the
/// document's id is the event id, and storing it again (a redelivery, a duplicate publish) changes
/// nothing. An event that names no event id cannot be counted once and only once: it fails, and
/// goes to the error queue rather than being counted or dropped silently.
/// </summary>
public sealed class ConsentUseConsumer(IDocumentSession session) : IConsumer<DisclosureApproved>, IConsumer<PackageRead>
{
    public Task Consume(ConsumeContext<DisclosureApproved> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecordAsync(context.Message.EventId, ConsentUse.Of(context.Message), context.CancellationToken);
    }

    public Task Consume(ConsumeContext<PackageRead> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecordAsync(context.Message.EventId, ConsentUse.Of(context.Message), context.CancellationToken);
    }

    private async Task RecordAsync(Guid eventId, ConsentUse? use, CancellationToken cancellationToken)
    {
        if (eventId == Guid.Empty) throw new InvalidOperationException("The event names no event id: it cannot be counted exactly once.");
        if (use is null) return; // not made under a consent
        session.Store(use); // an upsert keyed by the event id
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>
/// The endpoint: queue <c>consent-uses</c>. Patient retries while the database is unreachable, so
/// that a short outage loses no use; what still fails goes to <c>consent-uses_error</c>.
/// </summary>
public sealed class ConsentUseConsumerDefinition()
    : PatientConsumerDefinition<ConsentUseConsumer>(QueueName, firstInterval: TimeSpan.FromSeconds(1), intervalIncrement: TimeSpan.FromSeconds(1))
{
    public const string QueueName = "consent-uses";
}
