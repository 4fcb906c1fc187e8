namespace ConsentPlatform.Gateway.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_200_naming_every_service_with_its_database_and_broker_when_all_are_healthy()
    {
        await using var host = await GatewayHost.StartAsync();

        var report = await ReadyAsync(host, HttpStatusCode.OK);
        Assert.Equal("Healthy", Status(report));
        Assert.Empty(report.GetProperty("down").EnumerateArray());
        foreach (var name in GatewayHost.ServiceNames)
        {
            var service = Service(report, name);
            Assert.Equal("Healthy", Status(service));
            Assert.Equal("Healthy", Status(service.GetProperty("checks").GetProperty("postgres")));
            Assert.Equal("Healthy", Status(service.GetProperty("checks").GetProperty("rabbitmq")));
        }
    }

    [Fact]
    public async Task Ready_is_503_naming_the_service_and_check_that_report_unhealthy()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Services["audit"].Health = FakeService.Unhealthy;

        var report = await ReadyAsync(host, HttpStatusCode.ServiceUnavailable);
        Assert.Equal("Unhealthy", Status(report));
        Assert.Equal(["audit/rabbitmq"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
        var audit = Service(report, "audit");
        Assert.Equal("Unhealthy", Status(audit));
        Assert.Equal("Unhealthy", Status(audit.GetProperty("checks").GetProperty("rabbitmq")));
        Assert.Equal("Healthy", Status(audit.GetProperty("checks").GetProperty("postgres")));
        Assert.Equal("Healthy", Status(Service(report, "consent")));
    }

    [Fact]
    public async Task Ready_is_503_reporting_a_service_that_does_not_answer_as_unreachable()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup { Unreachable = new HashSet<string> { "disclosure" } });

        var report = await ReadyAsync(host, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(["disclosure"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Unreachable", Status(Service(report, "disclosure")));
        Assert.Equal("Healthy", Status(Service(report, "dsa-registry")));
    }

    [Fact]
    public async Task Ready_gives_up_on_a_service_that_hangs_after_two_seconds()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Services["consent"].Health = FakeService.Hangs;
        var started = DateTimeOffset.UtcNow;

        var report = await ReadyAsync(host, HttpStatusCode.ServiceUnavailable);
        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.Equal("Unreachable", Status(Service(report, "consent")));
        Assert.Equal(["consent"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
    }

    [Fact]
    public async Task Live_is_200_even_when_every_service_is_down()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup { Unreachable = new HashSet<string>(GatewayHost.ServiceNames) });

        using var response = await host.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_call_to_a_service_that_is_down_is_502_problem()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup { Unreachable = new HashSet<string> { "disclosure" } });
        var token = await host.DevTokenForAsync(Hosting.Authentication.PlatformRoles.Practitioner);

        using var response = await host.GetAsync("/api/disclosures/d-1", token);

        await response.AssertProblemAsync(HttpStatusCode.BadGateway);
    }

    /// <summary>The gateway's readiness report, after checking its status.</summary>
    private static async Task<JsonElement> ReadyAsync(GatewayHost host, HttpStatusCode status)
    {
        using var response = await host.GetAsync("/health/ready");
        Assert.Equal(status, response.StatusCode);
        return await response.JsonAsync();
    }

    private static JsonElement Service(JsonElement report, string name) => report.GetProperty("services").GetProperty(name);

    private static string? Status(JsonElement health) => health.GetProperty("status").GetString();
}
