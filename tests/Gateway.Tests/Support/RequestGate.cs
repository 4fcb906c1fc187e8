namespace ConsentPlatform.Gateway.Tests.Support;

/// <summary>
/// Holds one request inside a <see cref="FakeService"/> until the test opens it, so a test can
/// keep a request in flight for as long as it needs without waiting on a clock.
/// </summary>
public sealed class RequestGate
{
    private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource opened = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the request has reached the service and is being held.</summary>
    public Task Arrived => arrived.Task;

    public void Open() => opened.TrySetResult();

    internal Task PassAsync(CancellationToken cancellationToken)
    {
        arrived.TrySetResult();
        return opened.Task.WaitAsync(cancellationToken);
    }
}
