namespace ConsentPlatform.Faults.Tests;

/// <summary>Fault 2: the audit service stops for 30 s under load; nothing is lost or doubled.</summary>
public sealed class AuditOutageTests(FaultPlatform platform)
{
    [Fact]
    public async Task Audit_down_30s_under_load_then_every_event_is_ledgered_once_and_verify_is_valid()
    {
        await using var load = await ShareLoad.StartAsync(platform, concurrency: 2, maxDuration: TimeSpan.FromSeconds(90), pause: TimeSpan.FromMilliseconds(100), warmUp: TimeSpan.FromSeconds(2));

        await platform["audit"].StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        platform["audit"].Start();
        await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        var (outcomes, ledger, withoutApproval) = FaultFigures.Record("2. audit down 30 s", await load.FinishAsync(platform));
        using var auditor = await platform.ClientAsAsync("Auditor");
        var verify = await (await auditor.GetAsync(new Uri("/api/audit/verify", UriKind.Relative), TestContext.Current.CancellationToken)).ExpectJsonAsync(HttpStatusCode.OK);

        // Shares do not depend on the audit service: they keep being decided while it is away.
        Assert.True(outcomes.Count(o => o.ShareStatus == "approved") > 10, $"approved: {outcomes.Count(o => o.ShareStatus == "approved")}");
        Assert.DoesNotContain(outcomes, o => o.IsServerError);
        Assert.Equal((0, 0, 0, 0), (ledger.Lost, ledger.Duplicates, ledger.SequenceGaps, ledger.TreeMismatches));
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        Assert.Equal(ledger.Ledgered, verify.GetProperty("entries").GetInt32());
    }
}
