namespace ConsentPlatform.Gateway.Tests;

/// <summary>
/// One disclosure write in flight and none waiting: a held request in the fake disclosure
/// service keeps the only permit taken for as long as a test needs it. A fresh gateway per test,
/// so no test starts while another's permit is still being given back.
/// </summary>
public sealed class AdmissionTests() : OwnGateway(new Dictionary<string, string?>
{
    ["Gateway:Admission:Disclosures:PermitLimit"] = "1",
    ["Gateway:Admission:Disclosures:QueueLimit"] = "0",
})
{
    private FakeService Disclosure => Host.Services["disclosure"];

    [Fact]
    public async Task Share_request_over_capacity_is_503_problem_with_Retry_After_and_never_reaches_the_service()
    {
        using var rejections = new RejectionCounter(Host);
        var token = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        var held = await HoldShareRequestAsync(token);
        var probe = $"/api/disclosures?probe={Guid.NewGuid():N}";

        using var refused = await Host.SendAsync(HttpMethod.Post, probe, token, ShareRequest());

        var problem = await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Equal("tag:consentplatform,2026:problems/at-capacity", problem.GetProperty("type").GetString());
        Assert.Equal("Platform at capacity", problem.GetProperty("title").GetString());
        Assert.Contains("nothing was requested", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromSeconds(1), refused.Headers.RetryAfter?.Delta);
        Assert.DoesNotContain(probe, Disclosure.Received);
        Assert.Equal(1, rejections.Count);

        held.Gate.Open();
        using var first = await held.Response;
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
    }

    [Fact]
    public async Task At_capacity_a_share_request_without_a_token_is_401_not_503()
    {
        using var rejections = new RejectionCounter(Host);
        var token = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        var held = await HoldShareRequestAsync(token);

        using var anonymous = await Host.SendAsync(HttpMethod.Post, "/api/disclosures", null, ShareRequest());

        await anonymous.AssertProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(0, rejections.Count);
        held.Gate.Open();
        (await held.Response).Dispose();
    }

    [Fact]
    public async Task Release_and_approve_override_over_capacity_are_503_problems_too()
    {
        var token = await Host.DevTokenForAsync(PlatformRoles.SafeguardingLead);
        var held = await HoldShareRequestAsync(token);
        var id = Guid.NewGuid();

        using var release = await Host.SendAsync(HttpMethod.Post, $"/api/disclosures/{id}/release", token);
        using var approve = await Host.SendAsync(HttpMethod.Post, $"/api/disclosures/{id}/approve-override", token, ShareRequest());

        await release.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        await approve.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.DoesNotContain(Disclosure.Received, r => r.Contains(id.ToString(), StringComparison.Ordinal));
        held.Gate.Open();
        (await held.Response).Dispose();
    }

    [Fact]
    public async Task At_capacity_disclosure_reads_and_other_routes_are_still_served()
    {
        var practitioner = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        var youngCarer = await Host.DevTokenForAsync(PlatformRoles.YoungCarer);
        var held = await HoldShareRequestAsync(practitioner);

        using var list = await Host.GetAsync("/api/disclosures?subjectId=yc-0001", practitioner);
        using var one = await Host.GetAsync($"/api/disclosures/{Guid.NewGuid()}", practitioner);
        using var consent = await Host.SendAsync(HttpMethod.Post, "/api/consents", youngCarer, JsonContent.Create(new { subjectId = "yc-0001" }));

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        Assert.Equal(HttpStatusCode.OK, consent.StatusCode);
        Assert.False(held.Response.IsCompleted);
        held.Gate.Open();
        (await held.Response).Dispose();
    }

    private async Task<HeldRequest> HoldShareRequestAsync(string token)
    {
        var path = $"/api/disclosures?held={Guid.NewGuid():N}";
        var gate = Disclosure.Hold(path);
        var response = Host.SendAsync(HttpMethod.Post, path, token, ShareRequest());
        await gate.Arrived.WaitAsync(TestContext.Current.CancellationToken);
        return new HeldRequest(gate, response);
    }

    internal static JsonContent ShareRequest() => JsonContent.Create(new { subjectId = "yc-0001", purpose = "school-support" });

    private sealed record HeldRequest(RequestGate Gate, Task<HttpResponseMessage> Response);

    /// <summary>Counts <c>gateway.admission.rejected</c> from this test's gateway only (its own meter factory).</summary>
    private sealed class RejectionCounter : IDisposable
    {
        private readonly MeterListener listener = new();
        private long count;

        public RejectionCounter(GatewayHost host)
        {
            var meters = host.GatewayServices.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Name == "gateway.admission.rejected") l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref count, value));
            listener.Start();
        }

        public long Count => Interlocked.Read(ref count);

        public void Dispose() => listener.Dispose();
    }
}

/// <summary>One disclosure write in flight and one waiting: what waits is served in turn, not refused.</summary>
public sealed class AdmissionQueueTests() : OwnGateway(new Dictionary<string, string?>
{
    ["Gateway:Admission:Disclosures:PermitLimit"] = "1",
    ["Gateway:Admission:Disclosures:QueueLimit"] = "1",
})
{
    [Fact]
    public async Task Queued_share_request_is_admitted_when_the_one_in_flight_completes_and_the_one_beyond_the_queue_is_503()
    {
        var disclosure = Host.Services["disclosure"];
        var token = await Host.DevTokenForAsync(PlatformRoles.Practitioner);
        var heldPath = $"/api/disclosures?held={Guid.NewGuid():N}";
        var gate = disclosure.Hold(heldPath);
        var held = Host.SendAsync(HttpMethod.Post, heldPath, token, AdmissionTests.ShareRequest());
        await gate.Arrived.WaitAsync(TestContext.Current.CancellationToken);

        // Which of the two takes the one queue place depends on arrival order; the other is refused.
        var probes = new Dictionary<Task<HttpResponseMessage>, string>();
        foreach (var probe in new[] { $"/api/disclosures?probe={Guid.NewGuid():N}", $"/api/disclosures?probe={Guid.NewGuid():N}" })
        {
            probes[Host.SendAsync(HttpMethod.Post, probe, token, AdmissionTests.ShareRequest())] = probe;
        }

        var refusedTask = await Task.WhenAny(probes.Keys);
        var queuedTask = probes.Keys.Single(t => t != refusedTask);
        using (var refused = await refusedTask)
        {
            await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        }

        Assert.False(queuedTask.IsCompleted);
        Assert.DoesNotContain(probes[queuedTask], disclosure.Received);

        gate.Open();
        using var first = await held;
        using var queued = await queuedTask;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Contains(probes[queuedTask], disclosure.Received);
        Assert.DoesNotContain(probes[refusedTask], disclosure.Received);
    }
}
