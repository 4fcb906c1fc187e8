namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>The platform as <c>infra/up</c> runs it: separate processes behind the gateway.</summary>
public sealed class PlatformStartsTests(PlatformProcesses platform)
{
    [Fact]
    public async Task Readiness_through_the_gateway_names_every_service_its_database_the_broker_and_its_warm_up()
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        foreach (var (service, _, _) in PlatformProcesses.Services)
        {
            var checks = report.GetProperty("services").GetProperty(service).GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
            Assert.Equal("Healthy", checks.GetProperty("rabbitmq").GetProperty("status").GetString());
            // Issue 23 part 5a: every service gates its readiness on its warm-up (finished or, on a
            // machine too busy to finish it in time, bounded: both are Healthy, see ADR 0015).
            Assert.Equal("Healthy", checks.GetProperty("warm-up").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Each_process_runs_with_its_own_pid()
    {
        var pids = PlatformProcesses.Services.Select(s => platform[s.Name].Pid).Append(platform.Gateway.Pid).ToList();

        Assert.All(pids, pid => Assert.NotNull(pid));
        Assert.Equal(pids.Count, pids.Distinct().Count());
        await Task.CompletedTask;
    }
}
