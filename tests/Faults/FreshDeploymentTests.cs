namespace ConsentPlatform.Faults.Tests;

/// <summary>
/// A fresh deployment where the audit service starts last: the consent, DSA registry and disclosure
/// services start on a virtual host where the audit service has never run, so nobody has yet
/// declared its queue. Each publisher declares the ledger's queue and binds its event exchanges to it
/// before it first publishes (services/Hosting/Messaging/Forwarding/LedgerHome.cs).
/// </summary>
public sealed class FreshDeploymentPlatform : PlatformProcesses
{
    protected override IReadOnlySet<string> StartedLater { get; } = new HashSet<string> { "audit" };
}

/// <summary>Fault 7: the audit service first starts a minute after the others, which decide shares meanwhile; nothing is lost.</summary>
public sealed class FreshDeploymentTests(FreshDeploymentPlatform platform) : IClassFixture<FreshDeploymentPlatform>
{
    [Fact]
    public async Task Events_published_before_the_audit_service_ever_started_are_all_ledgered_once_it_starts()
    {
        Assert.False(platform["audit"].IsRunning);
        await using var load = await ShareLoad.StartAsync(platform, concurrency: 2, maxDuration: TimeSpan.FromSeconds(150), pause: TimeSpan.FromMilliseconds(200), warmUp: TimeSpan.FromSeconds(60));

        platform["audit"].Start();
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        var (outcomes, ledger, withoutApproval) = FaultFigures.Record("7. audit first started 60 s after the rest", await load.FinishAsync(platform));

        // Shares were decided (and their events committed) while no audit service had ever run.
        Assert.True(outcomes.Count(o => o.ShareStatus == "approved") > 10, $"approved: {outcomes.Count(o => o.ShareStatus == "approved")}");
        Assert.DoesNotContain(outcomes, o => o.IsServerError);
        Assert.True(ledger.Committed > 40, $"committed: {ledger.Committed}");
        Assert.Equal((0, 0, 0, 0), (ledger.Lost, ledger.Duplicates, ledger.SequenceGaps, ledger.TreeMismatches));
        Assert.Equal(0, withoutApproval);
    }
}
