namespace ConsentPlatform.Benchmarks.Load;

/// <summary>
/// One load phase's figures: throughput of approved decisions over the measured window, latency
/// percentiles in ms over every answer and over the approvals alone, errors (anything but an
/// approval or a shed request), requests shed by the gateway's admission limit (503 at capacity:
/// nothing was decided) and requests the generator dropped because too many were in flight.
/// </summary>
public sealed record LoadResult(
    string Name,
    string Mode,
    string Target,
    int? Concurrency,
    double? OfferedPerSecond,
    double Seconds,
    long Completed,
    long Errors,
    long Shed,
    long Dropped,
    double ThroughputPerSecond,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    double MeanMs,
    double ApprovedP50Ms,
    double ApprovedP99Ms,
    string? FirstError)
{
    public static LoadResult From(string name, string mode, string target, int? concurrency, double? offered, double seconds, LatencyHistogram histogram, LatencyHistogram approved, long errors, long shed, long dropped, string? firstError) =>
        new(
            name,
            mode,
            target,
            concurrency,
            offered,
            Math.Round(seconds, 2),
            histogram.Count,
            errors,
            shed,
            dropped,
            Math.Round(seconds > 0 ? approved.Count / seconds : 0, 1),
            Ms(histogram.ValueAt(50)),
            Ms(histogram.ValueAt(95)),
            Ms(histogram.ValueAt(99)),
            Ms(histogram.Max),
            Math.Round(histogram.MeanMicroseconds / 1000.0, 2),
            Ms(approved.ValueAt(50)),
            Ms(approved.ValueAt(99)),
            firstError);

    private static double Ms(long microseconds) => Math.Round(microseconds / 1000.0, 2);
}
