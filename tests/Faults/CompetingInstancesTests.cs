namespace ConsentPlatform.Faults.Tests;

/// <summary>Fault 5: two disclosure and two audit instances compete on the same broker.</summary>
public sealed class CompetingInstancesTests(FaultPlatform platform)
{
    [Fact]
    public async Task Two_disclosure_and_two_audit_instances_keep_one_gap_free_ledger_without_duplicates()
    {
        var extras = new[] { platform["disclosure"].AnotherInstance(LoopbackPorts.Free()), platform["audit"].AnotherInstance(LoopbackPorts.Free()) };
        foreach (var extra in extras) extra.Start();
        try
        {
            await WaitForHealthAsync(extras);
            await using var load = await ShareLoad.StartAsync(platform, concurrency: 4, maxDuration: TimeSpan.FromSeconds(60), pause: TimeSpan.FromMilliseconds(20), warmUp: TimeSpan.FromSeconds(15));
            var (outcomes, ledger, withoutApproval) = FaultFigures.Record("5. two disclosure + two audit instances", await load.FinishAsync(platform));

            Assert.True(outcomes.Count(o => o.Released) > 5, $"released: {outcomes.Count(o => o.Released)}");
            Assert.Equal((0, 0, 0, 0), (ledger.Lost, ledger.Duplicates, ledger.SequenceGaps, ledger.TreeMismatches));
            Assert.Equal(0, withoutApproval);
        }
        finally
        {
            foreach (var extra in extras) await extra.StopAsync();
        }
    }

    private static async Task WaitForHealthAsync(IEnumerable<PlatformProcess> instances)
    {
        foreach (var instance in instances)
        {
            using var client = new HttpClient { BaseAddress = instance.BaseAddress, Timeout = TimeSpan.FromSeconds(3) };
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (true)
            {
                try
                {
                    if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK) break;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // still starting
                }

                if (DateTime.UtcNow > deadline) throw new TimeoutException($"{instance.Name} not ready:\n{instance.LogTail()}");
                await Task.Delay(250);
            }
        }
    }
}
