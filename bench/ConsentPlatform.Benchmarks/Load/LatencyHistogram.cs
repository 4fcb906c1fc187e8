namespace ConsentPlatform.Benchmarks.Load;

/// <summary>
/// An HDR-style latency histogram in microseconds: exact below 2,048 µs, then 1,024 linear
/// sub-buckets per power of two (relative error ≤ 0.1 %) up to any <see cref="long"/>. Recording is
/// lock-free (one <see cref="Interlocked"/> add), so many concurrent requests can share one.
/// </summary>
public sealed class LatencyHistogram
{
    private const int SubBits = 10;
    private const int Sub = 1 << SubBits;
    private readonly long[] counts = new long[(2 * Sub) + (54 * Sub)];
    private long total;
    private long max;
    private long sum;

    public long Count => Interlocked.Read(ref total);

    public void RecordMicroseconds(long value)
    {
        value = Math.Max(0, value);
        Interlocked.Increment(ref counts[Index(value)]);
        Interlocked.Increment(ref total);
        Interlocked.Add(ref sum, value);
        long seen;
        while (value > (seen = Interlocked.Read(ref max)) && Interlocked.CompareExchange(ref max, value, seen) != seen)
        {
        }
    }

    public void Record(TimeSpan elapsed) => RecordMicroseconds((long)(elapsed.Ticks / 10.0));

    /// <summary>The value (µs) at or below which <paramref name="percentile"/> % of the recordings fall (bucket upper bound).</summary>
    public long ValueAt(double percentile)
    {
        var n = Count;
        if (n == 0) return 0;
        var rank = (long)Math.Ceiling(percentile / 100.0 * n);
        rank = Math.Clamp(rank, 1, n);
        long cumulative = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            cumulative += counts[i];
            if (cumulative >= rank) return Math.Min(UpperBound(i), Max);
        }

        return Max;
    }

    public long Max => Interlocked.Read(ref max);

    public double MeanMicroseconds => Count == 0 ? 0 : (double)Interlocked.Read(ref sum) / Count;

    private static int Index(long value)
    {
        if (value < 2 * Sub) return (int)value;
        var shift = 63 - BitOperations.LeadingZeroCount((ulong)value) - SubBits;
        var top = value >> shift; // in [Sub, 2 Sub)
        return (2 * Sub) + ((shift - 1) * Sub) + (int)(top - Sub);
    }

    private static long UpperBound(int index)
    {
        if (index < 2 * Sub) return index;
        var shift = ((index - (2 * Sub)) / Sub) + 1;
        var top = ((index - (2 * Sub)) % Sub) + Sub;
        return ((top + 1) << shift) - 1;
    }
}
