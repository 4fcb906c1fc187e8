namespace ConsentPlatform.TestSupport.Messaging;

/// <summary>What a test consumer on the broker received, with each message's id, for tests to wait on.</summary>
public sealed class EventInbox
{
    private readonly ConcurrentQueue<(Guid? MessageId, object Message)> received = new();

    /// <summary>A MassTransit handler: <c>e.Handler&lt;SomeEvent&gt;(inbox.Add)</c>.</summary>
    public Task Add<T>(ConsumeContext<T> context) where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        received.Enqueue((context.MessageId, context.Message));
        return Task.CompletedTask;
    }

    public IReadOnlyList<(Guid? MessageId, T Message)> All<T>(Func<T, bool> predicate) =>
        [.. received.Where(r => r.Message is T m && predicate(m)).Select(r => (r.MessageId, (T)r.Message))];

    public IReadOnlyList<object> AllMessages => [.. received.Select(r => r.Message)];

    /// <summary>Waits until <paramref name="count"/> messages of type <typeparamref name="T"/> match.</summary>
    public async Task<IReadOnlyList<(Guid? MessageId, T Message)>> WaitForAsync<T>(Func<T, bool> predicate, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var matches = All(predicate);
            if (matches.Count >= count) return matches;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{matches.Count} of {count} {typeof(T).Name} message(s) arrived in time.");
            await Task.Delay(100);
        }
    }
}
