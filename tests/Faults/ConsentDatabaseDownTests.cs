namespace ConsentPlatform.Faults.Tests;

/// <summary>Fault 6: the consent service's PostgreSQL stops. Checks fail closed; readiness names it.</summary>
public sealed class ConsentDatabaseDownTests(FaultPlatform platform)
{
    [Fact]
    public async Task Consent_database_stopped_denies_shares_check_unavailable_and_readiness_names_it()
    {
        var scenario = new Scenario(platform);
        await scenario.ActiveDsaAsync();
        var subject = Scenario.NewSubject();
        await scenario.ConsentAsync(subject);
        using var school = await platform.ClientAsAsync("Practitioner", org: Scenario.School);
        using var anonymous = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        string[] categories = ["caring.role"];

        await platform.ConsentDatabaseServer.StopAsync();
        ShareAnswer during;
        HttpStatusCode readiness;
        string readinessBody;
        TimeSpan took;
        try
        {
            var ready = await anonymous.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
            readiness = ready.StatusCode;
            readinessBody = await ready.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            during = await ShareAnswer.FromAsync(await Scenario.RequestShareAsync(school, subject, categories));
            took = clock.Elapsed;
        }
        finally
        {
            await platform.ConsentDatabaseServer.StartAgainAsync();
            await platform.WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
        }

        // Shares come back by themselves once the database does (after the circuit breaker's pause).
        var after = await ShareAnswer.FromAsync(await Scenario.RequestShareAsync(school, subject, categories));
        for (var deadline = DateTime.UtcNow.AddSeconds(45); after.ShareStatus != "approved" && DateTime.UtcNow < deadline;)
        {
            await Task.Delay(1000, TestContext.Current.CancellationToken);
            after = await ShareAnswer.FromAsync(await Scenario.RequestShareAsync(school, subject, categories));
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, readiness);
        Assert.Contains("consent/postgres", readinessBody, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.Created, "denied"), (during.Status, during.ShareStatus));
        Assert.Contains("check-unavailable", during.ReasonCodes);
        Assert.True(took < TimeSpan.FromSeconds(10), $"a denial must come fast, took {took}");
        Assert.True(after.ShareStatus == "approved", $"after the database returned: {after}");
    }
}
