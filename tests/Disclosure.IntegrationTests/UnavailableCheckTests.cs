using ConsentPlatform.TestSupport.Processes;
using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>
/// Fail closed: with no consent service on the broker, a request is denied check-unavailable,
/// bounded by the check's own timeout (2 s here) rather than the request client's 30 s, and an open
/// circuit does not wait for that timeout at all. The bounds tell those cases apart with room for
/// a busy machine (they are not speed goals: those are measured in bench/).
/// </summary>
public sealed class UnavailableCheckTests(PlatformWithoutConsent platform) : IClassFixture<PlatformWithoutConsent>
{
    [Fact]
    public async Task Given_the_consent_service_is_not_running_When_requested_Then_denied_check_unavailable_without_waiting_for_the_request_clients_timeout()
    {
        using var school = await SchoolUnderActiveDsaAsync("yc-1");

        var watch = Stopwatch.StartNew();
        using var response = await school.RequestAsync();
        watch.Stop();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var disclosure = await ReadAsync<DisclosureBody>(response);
        Assert.Equal("denied", disclosure.Status);
        Assert.Equal(["check-unavailable"], disclosure.Decision!.Codes);
        Assert.NotNull(disclosure.Decision.DsaId);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}: the check's 2 s timeout did not bound the wait");
    }

    [Fact]
    public async Task Given_the_consent_service_keeps_failing_Then_the_circuit_opens_and_later_requests_fail_closed_at_once()
    {
        using var school = await SchoolUnderActiveDsaAsync("yc-2");

        // One after another: the circuit counts batches of checks (issue 23), and requests sent at once
        // would share batches; four failed batches are the circuit's minimum throughput.
        for (var i = 0; i < 4; i++)
        {
            using var response = await school.RequestAsync();
            Assert.Equal(["check-unavailable"], (await ReadAsync<DisclosureBody>(response)).Decision!.Codes);
        }

        var watch = Stopwatch.StartNew();
        using var open = await school.RequestAsync();
        watch.Stop();
        Assert.Equal(["check-unavailable"], (await ReadAsync<DisclosureBody>(open)).Decision!.Codes);
        Assert.True(watch.Elapsed < TimeSpan.Parse(DisclosureHost.CheckTimeout, System.Globalization.CultureInfo.InvariantCulture), $"an open circuit answers without waiting for the check's timeout, took {watch.Elapsed}");
    }

    /// <summary>The school's practitioner and its request for a young carer's caring role, held by the council.</summary>
    private sealed record SchoolRequest(HttpClient Practitioner, object Body) : IDisposable
    {
        public Task<HttpResponseMessage> RequestAsync() => PostAsync(Practitioner, "/api/disclosures", Body);

        public void Dispose() => Practitioner.Dispose();
    }

    /// <summary>A council and a school of their own under an active DSA for school-support, and the school's request about <paramref name="subjectId"/>.</summary>
    private async Task<SchoolRequest> SchoolUnderActiveDsaAsync(string subjectId)
    {
        var council = NewOrg("LA");
        var school = NewOrg("URN");
        await ActiveDsaAsync(platform.Registry, council, ConsentPlatform.TestSupport.Processes.Scenario.SchoolSupportDsa("Council and school", council, school));

        var practitioner = platform.Disclosure.CreateClient().Authorize(PlatformRoles.Practitioner, school, name: "teacher");
        return new(practitioner, new { subjectId, purpose = "school-support", holderOrgId = council, dataCategories = new[] { "caring.role" }, basis = "consent" });
    }
}
