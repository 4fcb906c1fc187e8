namespace ConsentPlatform.Benchmarks.Platform;

/// <summary>
/// The platform as separate processes (the four services and the gateway, from their Release
/// builds) on a fresh RabbitMQ virtual host and fresh databases, as the end-to-end suites run it.
/// Extra settings for an experiment come from <c>BENCH_SETTINGS</c>:
/// <c>disclosure:Logging__LogLevel__Default=Warning;audit:Key=Value</c> (process name, then an
/// environment variable), so that a proposed configuration change can be measured without editing code.
/// </summary>
public sealed class BenchPlatform : PlatformProcesses
{
    public BenchPlatform(string? settings) => ExtraSettings = Parse(settings);

    protected override IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ExtraSettings { get; }

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Parse(string? settings)
    {
        var result = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var item in (settings ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var colon = item.IndexOf(':', StringComparison.Ordinal);
            var equals = item.IndexOf('=', StringComparison.Ordinal);
            if (colon <= 0 || equals <= colon) throw new ArgumentException($"BENCH_SETTINGS item '{item}' is not process:Key=Value");
            var names = item[..colon] == "*" ? [.. Services.Select(s => s.Name), "gateway"] : new[] { item[..colon] };
            foreach (var name in names)
            {
                if (!result.TryGetValue(name, out var values)) result[name] = values = new Dictionary<string, string>(StringComparer.Ordinal);
                values[item[(colon + 1)..equals]] = item[(equals + 1)..];
            }
        }

        return result.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);
    }

    public IEnumerable<PlatformProcess> All => Services.Select(s => this[s.Name]).Append(Gateway);
}
