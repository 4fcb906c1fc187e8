namespace ConsentPlatform.Gateway.Tests;

/// <summary>The gateway warms its token and forwarding path before it reports ready (issue 23, ADR 0015).</summary>
public sealed class GatewayWarmUpTests
{
    private static readonly string WarmUpRead = $"/api/disclosures/{Guid.Empty}";

    [Fact]
    public async Task Ready_only_after_the_warm_up_has_sent_its_passes_with_a_token_through_to_the_disclosure_service()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup
        {
            Settings = new Dictionary<string, string?> { ["WarmUp:Enabled"] = "true", ["WarmUp:Rounds"] = "3" },
        });

        var ready = await WaitUntilReadyAsync(host, TimeSpan.FromSeconds(60));

        Assert.True(ready, "the gateway did not become ready");
        var disclosure = host.Services["disclosure"];
        Assert.Equal(3, disclosure.Received.Count(p => p == WarmUpRead));
        Assert.Equal(3, disclosure.Received.Count(p => p == "/api/disclosures"));
        // Nothing of the warm-up went anywhere else.
        Assert.All(host.Services.Where(s => s.Key != "disclosure"), s => Assert.Empty(s.Value.Received));
        using var echoed = await host.GetAsync(WarmUpRead, await host.DevTokenForAsync("Practitioner"));
        Assert.Equal(HttpStatusCode.OK, echoed.StatusCode);
    }

    [Fact]
    public async Task Not_ready_while_the_warm_up_waits_for_the_disclosure_service_and_it_says_so()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup
        {
            Unreachable = new HashSet<string> { "disclosure" },
            Settings = new Dictionary<string, string?> { ["WarmUp:Enabled"] = "true", ["WarmUp:DependencyTimeout"] = "00:01:00" },
        });

        using var response = await host.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(["disclosure", "gateway/warm-up"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
    }

    private static async Task<bool> WaitUntilReadyAsync(GatewayHost host, TimeSpan limit)
    {
        for (var deadline = DateTime.UtcNow + limit; DateTime.UtcNow < deadline;)
        {
            using var response = await host.GetAsync("/health/ready");
            if (response.StatusCode == HttpStatusCode.OK) return true;
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        return false;
    }
}
