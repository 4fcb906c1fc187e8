namespace ConsentPlatform.Faults.Tests;

/// <summary>Fault 3: <c>kill -9</c> of the consent service, then of the disclosure service, mid-load.</summary>
public sealed class KilledServiceTests(FaultPlatform platform)
{
    [Fact]
    public async Task Kill_9_of_consent_then_disclosure_releases_nothing_unapproved_and_loses_no_event()
    {
        await using var load = await ShareLoad.StartAsync(platform, concurrency: 2, maxDuration: TimeSpan.FromSeconds(120), pause: TimeSpan.FromMilliseconds(50), warmUp: TimeSpan.FromSeconds(2));

        foreach (var service in new[] { "consent", "disclosure" })
        {
            await platform[service].StopAsync(kill: true);
            await Task.Delay(TimeSpan.FromSeconds(3), TestContext.Current.CancellationToken);
            platform[service].Start();
            await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
            await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        }

        var (outcomes, ledger, withoutApproval) = FaultFigures.Record("3. kill -9 consent, then disclosure", await load.FinishAsync(platform));

        Assert.Contains(outcomes, o => o.Released);
        // While the consent service is dead, shares are denied, never approved without a check.
        Assert.DoesNotContain(outcomes, o => o.ShareStatus == "approved" && o.Reasons.Count > 0);
        Assert.Equal(0, withoutApproval);
        Assert.Equal((0, 0, 0, 0), (ledger.Lost, ledger.Duplicates, ledger.SequenceGaps, ledger.TreeMismatches));
    }
}
