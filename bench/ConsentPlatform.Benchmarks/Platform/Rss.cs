namespace ConsentPlatform.Benchmarks.Platform;

/// <summary>
/// Memory of a process in MB: its resident set size (<c>VmRSS</c> in <c>/proc/&lt;pid&gt;/status</c>),
/// and its proportional set size (<c>Pss</c> in <c>/proc/&lt;pid&gt;/smaps_rollup</c>), which counts a
/// page shared by n processes (the .NET runtime and framework dlls all five map) as 1/n: what the
/// process really adds to the machine.
/// </summary>
public static class Rss
{
    public static double Megabytes(int? pid) => Read(pid, "status", "VmRSS:");

    public static double ProportionalMegabytes(int? pid) => Read(pid, "smaps_rollup", "Pss:");

    private static double Read(int? pid, string file, string field)
    {
        if (pid is null) return double.NaN;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/{file}").First(l => l.StartsWith(field, StringComparison.Ordinal));
            var kb = long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return Math.Round(kb / 1024.0, 1);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    /// <summary>Samples every process every 500 ms until cancelled and keeps each one's peak.</summary>
    public static async Task<Dictionary<string, double>> PeakAsync(BenchPlatform platform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var peaks = platform.All.ToDictionary(p => p.Name, _ => 0.0, StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            foreach (var process in platform.All)
            {
                var value = Megabytes(process.Pid);
                if (!double.IsNaN(value)) peaks[process.Name] = Math.Max(peaks[process.Name], value);
            }

            try
            {
                await Task.Delay(500, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return peaks;
    }
}
