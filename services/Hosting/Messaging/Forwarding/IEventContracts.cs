namespace ConsentPlatform.Hosting.Messaging.Forwarding;

/// <summary>
/// A service's edge between its internal Marten events and the published contracts: returns the
/// contract record for an event (carrying the event's id, for consumers to de-duplicate), or
/// null for an event that is not published.
/// </summary>
public interface IEventContracts
{
    object? ToContract(IEvent @event);
}
