namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>
/// Watches the consent service's <c>consent-uses</c> endpoint from inside the service: every event it
/// has finished consuming (committed, about to be acknowledged) or failed on, by event id. Tests
/// wait on it to know that a duplicate has been handled, rather than on time.
/// </summary>
public sealed class ConsumedUses : IConsumeObserver
{
    private readonly ConcurrentDictionary<Guid, int> consumed = new();
    private readonly ConcurrentQueue<(Guid EventId, Exception Error)> faults = new();

    public IReadOnlyList<(Guid EventId, Exception Error)> Faults => [.. faults];

    public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context) where T : class
    {
        if (IsUses(context) && context.Message is IPlatformEvent e) consumed.AddOrUpdate(e.EventId, 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class
    {
        if (IsUses(context) && context.Message is IPlatformEvent e) faults.Enqueue((e.EventId, exception));
        return Task.CompletedTask;
    }

    /// <summary>Waits until the event with <paramref name="eventId"/> has been consumed at least <paramref name="times"/> times.</summary>
    public async Task WaitForAsync(Guid eventId, int times = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (consumed.GetValueOrDefault(eventId) < times)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"event {eventId} consumed {consumed.GetValueOrDefault(eventId)} of {times} time(s); faults: {string.Join("; ", Faults.Select(f => f.Error.Message))}");
            }

            await Task.Delay(50);
        }
    }

    private static bool IsUses(ConsumeContext context) =>
        context.ReceiveContext.InputAddress?.AbsolutePath.EndsWith("/" + ConsentUseConsumerDefinition.QueueName, StringComparison.Ordinal) == true;
}
