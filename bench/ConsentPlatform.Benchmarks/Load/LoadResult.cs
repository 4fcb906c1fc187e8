namespace ConsentPlatform.Benchmarks.Load;

/// <summary>One load phase's figures: throughput over the measured window, latency percentiles in ms, errors.</summary>
public sealed record LoadResult(
    string Name,
    string Mode,
    string Target,
    int? Concurrency,
    double? OfferedPerSecond,
    double Seconds,
    long Completed,
    long Errors,
    long Dropped,
    double ThroughputPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double MeanMs,
    string? FirstError)
{
    public static LoadResult From(string name, string mode, string target, int? concurrency, double? offered, double seconds, LatencyHistogram histogram, long errors, long dropped, string? firstError) =>
        new(
            name,
            mode,
            target,
            concurrency,
            offered,
            Math.Round(seconds, 2),
            histogram.Count,
            errors,
            dropped,
            Math.Round(seconds > 0 ? (histogram.Count - errors) / seconds : 0, 1),
            Ms(histogram.ValueAt(50)),
            Ms(histogram.ValueAt(95)),
            Ms(histogram.ValueAt(99)),
            Ms(histogram.Max),
            Math.Round(histogram.MeanMicroseconds / 1000.0, 2),
            firstError);

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}
