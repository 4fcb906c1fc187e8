namespace ConsentPlatform.Hosting.Persistence;

/// <summary>
/// How often Marten's async daemon asks the event store for its high-water mark, the newest event
/// every transaction before it has committed. Nothing is forwarded to the broker (and so to the
/// ledger) before that mark passes it, so these two intervals are the floor of the ledger's lag:
/// the fast one while events keep coming, the slow one when the store was quiet at the last look.
/// </summary>
public static class ForwarderPolling
{
    public const string FastSetting = "Persistence:FastPollingMilliseconds";
    public const string SlowSetting = "Persistence:SlowPollingMilliseconds";

    /// <summary>
    /// 50 ms while busy, 200 ms when quiet, not Marten's 250 ms and 1 s: measured (docs/performance.md,
    /// issue 23), the ledger's lag at one client fell from p50 ≈ 540 / p99 ≈ 1,020 ms to ≈ 115 / 230 ms.
    /// Each look is one cheap query on the service's own store: at most 20 a second, 5 when it is quiet.
    /// </summary>
    public const int DefaultFastMilliseconds = 50;

    public const int DefaultSlowMilliseconds = 200;

    private const int Least = 10;
    private const int Most = 10_000;

    public static void Apply(DaemonSettings daemon, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(daemon);
        ArgumentNullException.ThrowIfNull(configuration);
        daemon.FastPollingTime = TimeSpan.FromMilliseconds(Read(configuration, FastSetting, DefaultFastMilliseconds));
        daemon.SlowPollingTime = TimeSpan.FromMilliseconds(Read(configuration, SlowSetting, DefaultSlowMilliseconds));
    }

    private static int Read(IConfiguration configuration, string setting, int defaultMilliseconds) =>
        WholeNumberSetting.Read(configuration, setting, defaultMilliseconds, Least, Most, "milliseconds");
}
