namespace ConsentPlatform.Hosting.WarmUp;

/// <summary>
/// The warm-up of a live check answered in batches (issue 23 part 5a): each pass runs the batch
/// consumer's own query and judgement for a check of one data category and one of two, on input
/// nobody has (a read; nothing is written or published). The broker round trip is warmed by the
/// disclosure service's warm-up, which asks the service. A service says how it names a check and
/// how its consumer answers a batch.
/// </summary>
/// <typeparam name="TCheck">The check message of the batch.</typeparam>
public abstract class BatchCheckWarmUp<TCheck>(TimeProvider clock) : IWarmUpStep
{
    /// <summary>The data categories of each pass's checks: one, then two.</summary>
    public static readonly IReadOnlyList<IReadOnlyList<string>> DataCategories = [["identity.basic"], ["identity.basic", "education.attendance"]];

    public abstract string Name { get; }

    public Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        return AnswerAsync([.. DataCategories.Select((categories, i) => Check(i + 1, categories, now))], now, cancellationToken);
    }

    /// <summary>The <paramref name="number"/>th check of a pass, on throw-away input.</summary>
    protected abstract TCheck Check(int number, IReadOnlyList<string> dataCategories, DateTimeOffset now);

    /// <summary>What the batch consumer does with the checks, but no reply.</summary>
    protected abstract Task AnswerAsync(IReadOnlyList<TCheck> checks, DateTimeOffset now, CancellationToken cancellationToken);
}
