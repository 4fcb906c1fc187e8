using System.Globalization;

namespace ConsentPlatform.Benchmarks.Platform;

/// <summary>Resident set size of a process, from <c>/proc/&lt;pid&gt;/status</c>, in MB.</summary>
public static class Rss
{
    public static double Megabytes(int? pid)
    {
        if (pid is null) return double.NaN;
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            var kb = long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
            return Math.Round(kb / 1024.0, 1);
        }
        catch (IOException)
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
