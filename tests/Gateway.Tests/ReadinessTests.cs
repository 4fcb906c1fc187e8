namespace ConsentPlatform.Gateway.Tests;

public sealed class ReadinessTests
{
    [Fact]
    public async Task Ready_is_200_naming_every_service_with_its_database_and_broker_when_all_are_healthy()
    {
        await using var host = await GatewayHost.StartAsync();

        using var response = await host.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal("Healthy", report.GetProperty("status").GetString());
        Assert.Empty(report.GetProperty("down").EnumerateArray());
        foreach (var name in GatewayHost.ServiceNames)
        {
            var service = report.GetProperty("services").GetProperty(name);
            Assert.Equal("Healthy", service.GetProperty("status").GetString());
            Assert.Equal("Healthy", service.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
            Assert.Equal("Healthy", service.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task Ready_is_503_naming_the_service_and_check_that_report_unhealthy()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Services["audit"].Health = FakeService.Unhealthy;

        using var response = await host.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal("Unhealthy", report.GetProperty("status").GetString());
        Assert.Equal(["audit/rabbitmq"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
        var audit = report.GetProperty("services").GetProperty("audit");
        Assert.Equal("Unhealthy", audit.GetProperty("status").GetString());
        Assert.Equal("Unhealthy", audit.GetProperty("checks").GetProperty("rabbitmq").GetProperty("status").GetString());
        Assert.Equal("Healthy", audit.GetProperty("checks").GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("services").GetProperty("consent").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_is_503_reporting_a_service_that_does_not_answer_as_unreachable()
    {
        await using var host = await GatewayHost.StartAsync(new GatewaySetup { Unreachable = new HashSet<string> { "disclosure" } });

        using var response = await host.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal(["disclosure"], report.GetProperty("down").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("Unreachable", report.GetProperty("services").GetProperty("disclosure").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.GetProperty("services").GetProperty("dsa-registry").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_gives_up_on_a_service_that_hangs_after_two_seconds()
    {
        await using var host = await GatewayHost.StartAsync();
        host.Services["consent"].Health = FakeService.Hangs;
        var started = DateTimeOffset.UtcNow;

        using var response = await host.GetAsync("/health/ready");

        Assert.InRange(DateTimeOffset.UtcNow - started, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.JsonAsync();
        Assert.Equal("Unreachable", report.GetProperty("services").GetProperty("consent").GetProperty("status").GetString());
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
}
