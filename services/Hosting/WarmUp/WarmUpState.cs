namespace ConsentPlatform.Hosting.WarmUp;

/// <summary>Where the warm-up is, for the readiness check; written by <see cref="WarmUpService"/> only.</summary>
public sealed class WarmUpState
{
    private volatile string progress = "not started";
    private volatile string? result;

    public bool Finished => result is not null;

    /// <summary>What the readiness report says: the step being run, or how the warm-up ended.</summary>
    public string Description => result ?? progress;

    /// <summary>Steps that did not finish within their bound; empty when the warm-up completed.</summary>
    public IReadOnlyList<string> Incomplete { get; private set; } = [];

    public void Report(string now) => progress = now;

    public void Finish(string description, IReadOnlyList<string> incomplete)
    {
        Incomplete = incomplete;
        result = description;
    }
}
