namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>
/// What every phase shares: the options, the platform and its story once started, the ledger's
/// probes, one HTTP client, and the helpers each load phase uses (a decision as a load operation,
/// waiting for the ledger, printing a result and a phase heading).
/// </summary>
public sealed class PlatformRun(BenchOptions options)
{
    private readonly Stopwatch total = Stopwatch.StartNew();

    public BenchOptions Options { get; } = options;
    public BenchPlatform Platform { get; private set; } = default!;
    public Story Story { get; set; } = default!;
    public LedgerBench Ledger { get; private set; } = default!;
    public HttpClient Http { get; private set; } = default!;

    /// <summary>Seconds since the run began.</summary>
    public TimeSpan Elapsed => total.Elapsed;

    /// <summary>The platform is up: the probes and the client that every platform phase uses.</summary>
    public void Attach(BenchPlatform platform)
    {
        ArgumentNullException.ThrowIfNull(platform);
        Platform = platform;
        Ledger = new LedgerBench(platform.Databases["audit"].ConnectionString, platform.Infrastructure.RabbitMqManagement, platform.Broker.VirtualHost);
        Http = NewHttpClient();
    }

    /// <summary>A fresh client: the old one's connections went to processes that were just stopped.</summary>
    public void RenewHttpClient()
    {
        Http?.Dispose();
        Http = NewHttpClient();
    }

    public void DisposeHttpClient() => Http?.Dispose();

    private static HttpClient NewHttpClient() => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Waits until audit-ledger is empty and the head stops moving, at most <paramref name="limit"/>.</summary>
    public async Task<bool> WaitForLedgerAsync(TimeSpan limit)
    {
        var deadline = Stopwatch.StartNew();
        var last = -1L;
        var still = 0;
        while (deadline.Elapsed < limit)
        {
            var head = await Ledger.HeadAsync();
            still = head == last ? still + 1 : 0;
            last = head;
            if (still >= 3 && await Ledger.QueueDepthAsync() == 0) return true;
            await Task.Delay(1000);
        }

        return false;
    }

    /// <summary>One share request as a load operation: only an approval is a success.</summary>
    public LoadGenerator.Operation Decide(Uri baseAddress) => async (index, cancellationToken) =>
    {
        using var request = Story.DisclosureRequest(baseAddress, index);
        using var response = await Http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        // Only an approval counts: a 201 "denied" (check-unavailable after a timeout or an open
        // circuit) is the platform failing closed under load, an error for this benchmark.
        if (response.StatusCode == HttpStatusCode.Created && body.AsSpan().IndexOf(Approved) >= 0) return (LoadGenerator.Answer.Ok, null);
        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && body.AsSpan().IndexOf(AtCapacity) >= 0) return (LoadGenerator.Answer.Shed, null);
        var text = System.Text.Encoding.UTF8.GetString(body);
        return (LoadGenerator.Answer.Failed, $"HTTP {(int)response.StatusCode}: {text[..Math.Min(text.Length, 300)]}");
    };

    /// <summary>Load through the gateway that is not measured, until the runtime has compiled the hot paths.</summary>
    public async Task JitWarmUpAsync() =>
        Print(await LoadGenerator.ClosedLoopAsync("JIT warm-up", "gateway", 32, TimeSpan.Zero, Options.JitWarmup, Decide(Platform.Gateway.BaseAddress)));

    private static readonly byte[] Approved = "\"status\":\"approved\""u8.ToArray();

    /// <summary>The problem type of the gateway's admission limit (gateway/Limits/DisclosureAdmission.cs).</summary>
    private static readonly byte[] AtCapacity = "problems/at-capacity"u8.ToArray();

    public static void Print(LoadResult r) =>
        Console.WriteLine($"  {r.Name,-16} {r.Target,-8} {r.ThroughputPerSecond,8:0.0}/s  p50 {r.P50Ms,7:0.0}  p95 {r.P95Ms,7:0.0}  p99 {r.P99Ms,7:0.0}  max {r.MaxMs,8:0.0} ms  approved p99 {r.ApprovedP99Ms,7:0.0} ms  n={r.Completed} errors={r.Errors} shed={r.Shed} dropped={r.Dropped}");

    public void Phase(string name) => Console.WriteLine($"[bench {total.Elapsed.TotalSeconds,5:0}s] {name}  (load {MachineInfo.LoadAverage()})");
}
