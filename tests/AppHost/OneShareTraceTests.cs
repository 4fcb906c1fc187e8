namespace ConsentPlatform.AppHost.Tests;

/// <summary>
/// Issue 24: in local mode every process exports its traces to the Aspire dashboard, so one share
/// is one trace across the gateway, the disclosure service, RabbitMQ, the consent service and the
/// DSA registry, and the audit service that ledgers it. Read back through the dashboard's own
/// telemetry API (<c>GET /api/telemetry/traces/{traceId}</c>, OTLP JSON), as a newcomer sees it.
/// </summary>
public sealed class OneShareTraceTests(AppHostProcess appHost) : IClassFixture<AppHostProcess>
{
    private const string LocalAuthority = "LA-TRACE";
    private const string School = "URN-TRACE";
    private static readonly TimeSpan TraceTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task One_share_is_one_trace_with_spans_from_every_process_it_crosses()
    {
        var ct = TestContext.Current.CancellationToken;
        using var gateway = new HttpClient { BaseAddress = appHost.Gateway };
        var subject = "yc-" + Guid.NewGuid().ToString("N")[..12];
        var dsaId = await ActiveDsaAsync(gateway, ct);
        await SendAsync(gateway, HttpMethod.Post, "/api/consents", await TokenAsync(gateway, new { role = "YoungCarer", subjectId = subject }, ct),
            new { subjectId = subject, purpose = "school-support", givenBy = "self" }, HttpStatusCode.Created, ct);

        // The practitioner's client starts the trace: its id is ours to look up.
        var traceId = ActivityTraceId.CreateRandom();
        var practitioner = await TokenAsync(gateway, new { role = "Practitioner", org = School }, ct);
        var share = await SendAsync(gateway, HttpMethod.Post, "/api/disclosures", practitioner,
            new { subjectId = subject, purpose = "school-support", holderOrgId = LocalAuthority, dataCategories = new[] { "caring.role" }, basis = "consent" },
            HttpStatusCode.Created, ct, traceparent: $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        // Approved or not (a live check that times out on a loaded machine decides "denied"), the
        // decision asked both services and is ledgered: the trace crosses every process either way.
        Assert.False(string.IsNullOrEmpty(share.GetProperty("status").GetString()));
        Assert.False(string.IsNullOrEmpty(dsaId));

        string[] expected = ["gateway", "disclosure", "consent", "dsa-registry", "audit"];
        using var dashboard = new HttpClient { BaseAddress = appHost.Dashboard };
        var seen = new HashSet<string>();
        var deadline = DateTimeOffset.UtcNow + TraceTimeout;
        while (DateTimeOffset.UtcNow < deadline && !expected.All(seen.Contains))
        {
            using var response = await dashboard.GetAsync(new Uri($"/api/telemetry/traces/{traceId}", UriKind.Relative), ct);
            if (response.StatusCode == HttpStatusCode.OK) seen.UnionWith(ServicesIn(await response.Content.ReadFromJsonAsync<JsonElement>(ct)));
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }

        Assert.True(expected.All(seen.Contains),
            $"trace {traceId} has spans from [{string.Join(", ", seen.Order())}], expected [{string.Join(", ", expected)}]");
    }

    /// <summary>The service names of the resources an OTLP JSON answer holds spans of.</summary>
    private static IEnumerable<string> ServicesIn(JsonElement answer)
    {
        var body = answer.TryGetProperty("data", out var data) ? data : answer;
        if (!body.TryGetProperty("resourceSpans", out var resourceSpans)) yield break;
        foreach (var resource in resourceSpans.EnumerateArray())
        {
            var spans = resource.GetProperty("scopeSpans").EnumerateArray().Sum(s => s.GetProperty("spans").GetArrayLength());
            if (spans == 0) continue;
            foreach (var attribute in resource.GetProperty("resource").GetProperty("attributes").EnumerateArray())
            {
                if (attribute.GetProperty("key").GetString() == "service.name")
                    yield return attribute.GetProperty("value").GetProperty("stringValue").GetString()!;
            }
        }
    }

    /// <summary>An IG officer of the council drafts the school-support DSA; an officer of each party signs it.</summary>
    private static async Task<string> ActiveDsaAsync(HttpClient gateway, CancellationToken ct)
    {
        var officer = await TokenAsync(gateway, new { role = "IgOfficer", org = LocalAuthority }, ct);
        var dsa = await SendAsync(gateway, HttpMethod.Post, "/api/dsas", officer,
            Scenario.SchoolSupportDsa("Young carers: council and school (trace)", LocalAuthority, School), HttpStatusCode.Created, ct);
        var id = dsa.GetProperty("id").GetString()!;
        var version = dsa.GetProperty("termsVersion").GetInt64();
        foreach (var org in (string[])[LocalAuthority, School])
        {
            await SendAsync(gateway, HttpMethod.Post, $"/api/dsas/{id}/sign", await TokenAsync(gateway, new { role = "IgOfficer", org }, ct),
                new { version }, HttpStatusCode.OK, ct);
        }

        return id;
    }

    private static async Task<string> TokenAsync(HttpClient gateway, object claims, CancellationToken ct)
    {
        using var response = await gateway.PostAsJsonAsync(new Uri("/auth/dev-token", UriKind.Relative), claims, ct);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> SendAsync(HttpClient gateway, HttpMethod method, string path, string token, object body,
        HttpStatusCode expected, CancellationToken ct, string? traceparent = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (traceparent is not null) request.Headers.Add("traceparent", traceparent);
        using var response = await gateway.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        Assert.True(response.StatusCode == expected, $"{method} {path} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        return JsonSerializer.Deserialize<JsonElement>(text);
    }
}
