namespace ConsentPlatform.Disclosure.Checking;

/// <summary>
/// Coalesces live checks (issue 23): the checks waiting at one instant go out as one batch, answered
/// by one message, so the per-message price of a request/response (serialising, the broker, the
/// consumer's pipeline, a database round trip) is paid once per batch instead of once per check.
/// <para>
/// No timer and no linger: a check is sent at once if fewer than <c>maxBatchesInFlight</c> batches
/// are on their way, so a lone check pays no added latency. Otherwise it waits, and the moment a
/// batch comes back, everything waiting by then (up to <c>maxBatchSize</c>) leaves together. The
/// batches grow with the load by themselves, and the wait is never longer than one batch's answer.
/// </para>
/// <para>
/// Answers go back to their checks by position. A batch that fails, or whose answer does not have one
/// result per check, fails every check in it: the caller turns that into <c>check-unavailable</c>,
/// failing closed per check.
/// </para>
/// </summary>
public sealed class CheckBatcher<TCheck, TAnswer>
{
    private readonly Func<IReadOnlyList<TCheck>, Task<IReadOnlyList<TAnswer>>> askBatch;
    private readonly int maxBatchSize;
    private readonly int maxBatchesInFlight;
    private readonly Queue<(TCheck Check, TaskCompletionSource<TAnswer> Answer)> waiting = new();
    private readonly Lock gate = new();
    private int inFlight;

    public CheckBatcher(Func<IReadOnlyList<TCheck>, Task<IReadOnlyList<TAnswer>>> askBatch, int maxBatchSize, int maxBatchesInFlight)
    {
        ArgumentNullException.ThrowIfNull(askBatch);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatchesInFlight, 1);
        this.askBatch = askBatch;
        this.maxBatchSize = maxBatchSize;
        this.maxBatchesInFlight = maxBatchesInFlight;
    }

    /// <summary>Checks waiting for a batch to leave (not yet sent).</summary>
    public int Waiting
    {
        get
        {
            lock (gate) return waiting.Count;
        }
    }

    /// <summary>The answer to this check, from the batch it leaves with; faults if that batch fails.</summary>
    public Task<TAnswer> AskAsync(TCheck check)
    {
        var answer = new TaskCompletionSource<TAnswer>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) waiting.Enqueue((check, answer));
        Dispatch();
        return answer.Task;
    }

    private void Dispatch()
    {
        while (true)
        {
            List<(TCheck Check, TaskCompletionSource<TAnswer> Answer)> batch;
            lock (gate)
            {
                if (inFlight >= maxBatchesInFlight || waiting.Count == 0) return;
                batch = new(Math.Min(waiting.Count, maxBatchSize));
                while (batch.Count < maxBatchSize && waiting.TryDequeue(out var next)) batch.Add(next);
                inFlight++;
            }

            _ = SendAsync(batch);
        }
    }

    private async Task SendAsync(List<(TCheck Check, TaskCompletionSource<TAnswer> Answer)> batch)
    {
        try
        {
            var answers = await askBatch(batch.ConvertAll(b => b.Check));
            if (answers is null || answers.Count != batch.Count)
            {
                throw new InvalidOperationException($"a batch of {batch.Count} checks was answered with {answers?.Count ?? 0} results");
            }

            for (var i = 0; i < batch.Count; i++) batch[i].Answer.TrySetResult(answers[i]);
        }
        catch (Exception e)
        {
            foreach (var (_, answer) in batch) answer.TrySetException(e);
        }
        finally
        {
            lock (gate) inFlight--;
            Dispatch();
        }
    }
}
