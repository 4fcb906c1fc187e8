namespace ConsentPlatform.Benchmarks.Load;

/// <summary>
/// Wraps an operation to count its errors by kind and its answers per time window, so that a phase
/// can say <i>which</i> failures it saw and <i>when</i> (issue 23: the cold start's errors are
/// expected to be <c>check-unavailable</c> denials in the first seconds, and only those show that
/// the services were still compiling).
/// </summary>
public sealed class ErrorKinds(TimeSpan window)
{
    public const string CheckUnavailable = "check-unavailable";

    private readonly ConcurrentDictionary<string, long> kinds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, (long Approved, long Errors)> windows = new();
    // Started when the wrapper is made: make it right before the phase's load.
    private readonly Stopwatch clock = Stopwatch.StartNew();

    public IReadOnlyDictionary<string, long> Kinds => kinds.OrderByDescending(k => k.Value).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);

    public long Count(string kind) => kinds.GetValueOrDefault(kind);

    /// <summary>Approvals and errors per window since the first request, in order (window start in s).</summary>
    public IReadOnlyList<(int FromSecond, long Approved, long Errors)> Windows =>
        [.. windows.OrderBy(w => w.Key).Select(w => ((int)(w.Key * window.TotalSeconds), w.Value.Approved, w.Value.Errors))];

    public LoadGenerator.Operation Wrap(LoadGenerator.Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return async (index, cancellationToken) =>
        {
            (LoadGenerator.Answer Answer, string? Error) result;
            try
            {
                result = await operation(index, cancellationToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                Record(LoadGenerator.Answer.Failed, e.GetType().Name);
                throw;
            }

            Record(result.Answer, result.Error is null ? null : Classify(result.Error));
            return result;
        };
    }

    /// <summary>A 201 with a denial names its reasons; anything else is its status code.</summary>
    public static string Classify(string error)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error.Contains(CheckUnavailable, StringComparison.Ordinal)) return CheckUnavailable;
        if (error.StartsWith("HTTP 201", StringComparison.Ordinal)) return "denied, other reason";
        return error.StartsWith("HTTP ", StringComparison.Ordinal) ? error[..Math.Min(error.Length, 8)] : error;
    }

    private void Record(LoadGenerator.Answer answer, string? kind)
    {
        var slot = (int)(clock.Elapsed.TotalSeconds / window.TotalSeconds);
        if (answer == LoadGenerator.Answer.Ok)
        {
            windows.AddOrUpdate(slot, (1, 0), (_, v) => (v.Approved + 1, v.Errors));
            return;
        }

        if (answer == LoadGenerator.Answer.Shed) return;
        windows.AddOrUpdate(slot, (0, 1), (_, v) => (v.Approved, v.Errors + 1));
        kinds.AddOrUpdate(kind ?? "unknown", 1, (_, n) => n + 1);
    }
}
