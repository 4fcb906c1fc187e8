namespace ConsentPlatform.Benchmarks.Platform;

/// <summary>
/// CPU seconds (user + system, from <c>/proc/&lt;pid&gt;/stat</c>) used so far by each part of the
/// system under test: the five platform processes, the PostgreSQL backends serving the bench's
/// databases, the RabbitMQ node (shared with anything else on it), and the load generator itself.
/// Two snapshots around a phase give where its CPU went, the first thing to look at on 2 cores.
/// </summary>
public static class CpuUsage
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux

    public static Dictionary<string, double> Snapshot(BenchPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var process in platform.All)
        {
            if (process.Pid is { } pid) result[process.Name] = Seconds(pid) ?? 0;
        }

        var databases = platform.Databases.Values.Select(d => d.Name).ToHashSet(StringComparer.Ordinal);
        double postgres = 0, rabbit = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string cmdline;
            try
            {
                cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
            }
            catch (IOException)
            {
                continue;
            }
            catch (UnauthorizedAccessException)
            {
                continue;
            }

            if (cmdline.StartsWith("postgres: ", StringComparison.Ordinal) && databases.Any(d => cmdline.Contains(" " + d + " ", StringComparison.Ordinal)))
            {
                postgres += Seconds(pid) ?? 0;
            }
        }

        // The broker node's pid, from infra/deps' pid file (bench/run passes it on); unknown otherwise.
        if (int.TryParse(Environment.GetEnvironmentVariable("BENCH_RABBITMQ_PID"), NumberStyles.None, CultureInfo.InvariantCulture, out var rabbitPid))
        {
            rabbit = Seconds(rabbitPid) ?? 0;
        }

        result["postgres (bench databases' backends)"] = postgres;
        if (rabbit > 0) result["rabbitmq (whole node, shared with other vhosts)"] = rabbit;
        result["load generator (this process)"] = Seconds(Environment.ProcessId) ?? 0;
        return result;
    }

    /// <summary>
    /// The CPU seconds each part used in a window that opens after <paramref name="delay"/> and lasts
    /// <paramref name="length"/>: started with a step, it covers the step's measured time and not its warm-up.
    /// </summary>
    public static async Task<Dictionary<string, double>> WindowAsync(BenchPlatform platform, TimeSpan delay, TimeSpan length)
    {
        if (delay > TimeSpan.Zero) await Task.Delay(delay);
        var before = Snapshot(platform);
        await Task.Delay(length);
        var after = Snapshot(platform);
        return after.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key), StringComparer.Ordinal);
    }

    private static double? Seconds(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // After "pid (comm) ", field 3 is state; utime and stime are fields 14 and 15 (1-based), i.e. indices 11 and 12 here.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
