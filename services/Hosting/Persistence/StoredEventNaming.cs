namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// ADR 0016, "stored events are not named like the contracts": a service's internal events are
/// registered under the names PostgreSQL has always kept them under (<c>mt_events.type</c>),
/// whatever their types are called now.
/// </summary>
public static class StoredEventNaming
{
    /// <summary>Registers every event type of <paramref name="storedNames"/>, each under its stored name.</summary>
    public static IEventStoreOptions AddStoredEventTypes(this IEventStoreOptions events, IEnumerable<KeyValuePair<Type, string>> storedNames)
    {
        ArgumentNullException.ThrowIfNull(events);
        var names = storedNames.ToList();
        events.AddEventTypes(names.Select(n => n.Key));
        foreach (var (type, storedName) in names)
        {
            events.MapEventType(type, storedName);
        }

        return events;
    }
}
