namespace ConsentPlatform.Benchmarks.Phases;

/// <summary>One measurement of the flat-cost phases at one size.</summary>
public sealed record FlatRow(string Size, string Name, double P50Ms, double P99Ms, double MeanMs, long Calls, long Errors);

/// <summary>
/// 6. What the flat-cost phases measure at each size: decisions closed-loop through the gateway,
/// and four <c>GET /api/audit/entries</c> pages, after a JIT warm-up (the seed restarted two services).
/// </summary>
public static class FlatCost
{
    public static async Task<List<FlatRow>> MeasureAsync(PlatformRun run, string size, SeedResult seed)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(seed);
        var options = run.Options;
        var gateway = run.Platform.Gateway.BaseAddress;
        var rows = new List<FlatRow>();
        // The consent and disclosure services were just restarted by the seed: load them until the
        // runtime has compiled the hot paths, or the size with the colder services looks dearer.
        await run.JitWarmUpAsync();
        await run.WaitForLedgerAsync(options.DrainLimit);
        var decisions = await LoadGenerator.ClosedLoopAsync("flat", "gateway", options.FlatConcurrency, TimeSpan.FromSeconds(1), options.FlatDuration, run.Decide(gateway));
        PlatformRun.Print(decisions);
        rows.Add(new FlatRow(size, $"decision (closed loop c={options.FlatConcurrency}, gateway)", decisions.P50Ms, decisions.P99Ms, decisions.MeanMs, decisions.Completed, decisions.Errors));
        var middle = Math.Max(1, seed.LedgerEntries / 2);
        foreach (var (name, path) in new (string, Func<string>)[]
        {
            ("entries: first page (limit 100)", () => "/api/audit/entries?limit=100"),
            // The subject with a history of more than a page: both sizes read the same 100 entries.
            ("entries: one subject (limit 100)", () => $"/api/audit/entries?subjectId={run.Story.Subjects[0]}&limit=100"),
            ("entries: page in the middle (after=, limit 100)", () => $"/api/audit/entries?after={middle}&limit=100"),
            ("entries: by purpose (limit 100)", () => "/api/audit/entries?purpose=school-support&limit=100"),
        })
        {
            var histogram = new LatencyHistogram();
            long errors = 0;
            for (var i = 0; i < options.PageCalls + 10; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(gateway, path()));
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", run.Story.AuditorToken);
                var started = Stopwatch.GetTimestamp();
                using var response = await run.Http.SendAsync(request);
                await response.Content.ReadAsByteArrayAsync();
                if (i < 10) continue; // warm-up
                histogram.Record(Stopwatch.GetElapsedTime(started));
                if (response.StatusCode != HttpStatusCode.OK) errors++;
            }

            rows.Add(new FlatRow(size, name, histogram.ValueAt(50) / 1000.0, histogram.ValueAt(99) / 1000.0, Math.Round(histogram.MeanMicroseconds / 1000.0, 2), histogram.Count, errors));
        }

        foreach (var row in rows) Console.WriteLine($"  {row.Size,10} {row.Name,-50} p50 {row.P50Ms,8:0.00} ms  p99 {row.P99Ms,8:0.00} ms  errors {row.Errors}");
        return rows;
    }
}
