namespace ConsentPlatform.Hosting.Messaging.Forwarding;

/// <summary>
/// Splits a page of events into one lane per stream, each lane in the page's order. The forwarder
/// publishes a lane one event at a time (each confirmed before the next), and many lanes at once:
/// the events of one stream reach every queue in the order they were committed, while the confirms
/// of different streams overlap instead of queuing behind each other.
/// </summary>
public static class StreamLanes
{
    public static IReadOnlyList<IReadOnlyList<T>> Split<T, TKey>(IEnumerable<T> page, Func<T, TKey> streamOf)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(streamOf);
        var lanes = new Dictionary<TKey, List<T>>();
        var order = new List<List<T>>();
        foreach (var item in page)
        {
            var key = streamOf(item);
            if (!lanes.TryGetValue(key, out var lane))
            {
                lane = [];
                lanes[key] = lane;
                order.Add(lane);
            }

            lane.Add(item);
        }

        return order;
    }
}
