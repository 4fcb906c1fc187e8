namespace ConsentPlatform.Benchmarks.Load;

/// <summary>
/// Drives one operation (an HTTP call; <c>true</c> when it answered as expected) closed-loop
/// (N workers, each sends the next request when the last one answered) or open-loop (requests
/// start on a fixed schedule whatever the answers, and latency counts from the scheduled start,
/// so a stall is not hidden: no coordinated omission). Bounded in time and in requests in flight.
/// </summary>
public static class LoadGenerator
{
    public delegate Task<(Answer Answer, string? Error)> Operation(long index, CancellationToken cancellationToken);

    /// <summary>How a request ended: what was asked for, turned away at the door (the gateway's admission limit), or anything else.</summary>
    public enum Answer
    {
        Ok,
        Shed,
        Failed,
    }

    public static async Task<LoadResult> ClosedLoopAsync(string name, string target, int concurrency, TimeSpan warmup, TimeSpan duration, Operation operation)
    {
        var histogram = new LatencyHistogram();
        var okHistogram = new LatencyHistogram();
        long errors = 0;
        long shed = 0;
        string? firstError = null;
        long next = 0;
        var clock = Stopwatch.StartNew();
        var measureFrom = warmup;
        var stopAt = warmup + duration;
        TimeSpan? lastEnd = null;

        async Task WorkerAsync()
        {
            while (true)
            {
                var started = clock.Elapsed;
                if (started >= stopAt) return;
                var index = Interlocked.Increment(ref next);
                var (answer, error) = await AnswerOfAsync(operation, index);
                var ended = clock.Elapsed;
                if (started < measureFrom) continue;
                Count(answer, error, ended - started, histogram, okHistogram, ref errors, ref shed, ref firstError);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(WorkerAsync)));
        lastEnd = clock.Elapsed;
        var seconds = (lastEnd.Value - measureFrom).TotalSeconds;
        return LoadResult.From(name, "closed", target, concurrency, null, seconds, histogram, okHistogram, errors, shed, 0, firstError);
    }

    public static async Task<LoadResult> OpenLoopAsync(string name, string target, double ratePerSecond, TimeSpan duration, int maxInFlight, Operation operation)
    {
        var histogram = new LatencyHistogram();
        var okHistogram = new LatencyHistogram();
        long errors = 0;
        long shed = 0;
        long dropped = 0;
        long inFlight = 0;
        string? firstError = null;
        var total = (long)(ratePerSecond * duration.TotalSeconds);
        var pending = new List<Task>((int)Math.Min(total, 1_000_000));
        var clock = Stopwatch.StartNew();
        long sent = 0;

        async Task FireAsync(long index, TimeSpan intended)
        {
            Answer answer;
            string? error;
            try
            {
                (answer, error) = await AnswerOfAsync(operation, index);
            }
            finally
            {
                Interlocked.Decrement(ref inFlight);
            }

            Count(answer, error, clock.Elapsed - intended, histogram, okHistogram, ref errors, ref shed, ref firstError);
        }

        while (sent < total)
        {
            var due = Math.Min(total, (long)(clock.Elapsed.TotalSeconds * ratePerSecond) + 1);
            for (; sent < due; sent++)
            {
                var intended = TimeSpan.FromSeconds(sent / ratePerSecond);
                if (Interlocked.Read(ref inFlight) >= maxInFlight)
                {
                    dropped++;
                    continue;
                }

                Interlocked.Increment(ref inFlight);
                var index = sent;
                pending.Add(Task.Run(() => FireAsync(index, intended)));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(pending);
        var seconds = clock.Elapsed.TotalSeconds;
        return LoadResult.From(name, "open", target, null, ratePerSecond, seconds, histogram, okHistogram, errors, shed, dropped, firstError);
    }

    /// <summary>What the operation answered; a call that failed on the wire (refused, reset, timed out) is <see cref="Answer.Failed"/> with its error.</summary>
    private static async Task<(Answer Answer, string? Error)> AnswerOfAsync(Operation operation, long index)
    {
        try
        {
            return await operation(index, CancellationToken.None);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return (Answer.Failed, e.GetType().Name + ": " + e.Message);
        }
    }

    private static void Count(Answer answer, string? error, TimeSpan latency, LatencyHistogram all, LatencyHistogram ok, ref long errors, ref long shed, ref string? firstError)
    {
        all.Record(latency);
        switch (answer)
        {
            case Answer.Ok:
                ok.Record(latency);
                break;
            case Answer.Shed:
                Interlocked.Increment(ref shed);
                break;
            default:
                Interlocked.Increment(ref errors);
                Interlocked.CompareExchange(ref firstError, error, null);
                break;
        }
    }
}
