namespace ConsentPlatform.Hosting.WarmUp;

/// <summary>
/// One hot path a service exercises before it reports ready (issue 23 part 5a): the same code a
/// request or a message runs, on throw-away input, with no side effect (reads only: nothing is
/// appended, published or ledgered). <see cref="WarmUpService"/> calls it
/// <see cref="WarmUpOptions.Rounds"/> times, so that tiered compilation has promoted its methods
/// before the first user arrives.
/// </summary>
public interface IWarmUpStep
{
    /// <summary>Said in the log and in the readiness report.</summary>
    string Name { get; }

    /// <summary>
    /// True when the step needs another service to answer: its first pass then gets
    /// <see cref="WarmUpOptions.DependencyTimeout"/> at most (tried again until then) and the step is
    /// skipped (logged) after that, so that a dependency that is down does not keep this service
    /// unready; once a pass succeeded, the rest have the whole warm-up's bound.
    /// </summary>
    bool AsksAnotherService => false;

    /// <summary>One pass; an exception means "not yet" and the pass is tried again within the bound.</summary>
    Task RunOnceAsync(CancellationToken cancellationToken);
}
