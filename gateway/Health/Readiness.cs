namespace ConsentPlatform.Gateway.Health;

/// <summary>
/// <c>GET /health/ready</c> asks every service's own <c>/health/ready</c> at once (2 s each) and
/// answers one report, 200 when everything is Healthy and 503 otherwise:
/// <code>
/// {"status":"Unhealthy",
///  "services":{"consent":{"status":"Healthy","checks":{"postgres":{...},"rabbitmq":{...}}},
///              "audit":{"status":"Unreachable","description":"no answer within 2 s"}, ...},
///  "down":["audit"]}
/// </code>
/// <c>down</c> names each service that did not answer and each failing check as <c>service/check</c>,
/// and <c>gateway/warm-up</c> until the gateway's own warm-up has run (issue 23).
/// </summary>
public sealed record GatewayReadiness(string Status, IReadOnlyDictionary<string, ServiceReadiness> Services, IReadOnlyList<string> Down)
{
    [JsonIgnore]
    public bool IsReady => Down.Count == 0;
}

public sealed record ServiceReadiness(string Status, IReadOnlyDictionary<string, CheckReadiness>? Checks = null, string? Description = null);

public sealed record CheckReadiness(string Status, string? Description);

public sealed class ReadinessProbe(HttpClient http, IConfiguration configuration, WarmUpState warmUp)
{
    /// <summary>In <c>down</c> until the gateway's own warm-up has run (<see cref="GatewayWarmUp"/>).</summary>
    public const string OwnWarmUp = "gateway/warm-up";

    public const string Healthy = nameof(Healthy);
    public const string Unhealthy = nameof(Unhealthy);
    public const string Unreachable = nameof(Unreachable);
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    public async Task<GatewayReadiness> CheckAsync(CancellationToken cancellationToken)
    {
        var reports = await Task.WhenAll(DownstreamServices.All.Select(async s => (s.Name, Report: await ProbeAsync(s, cancellationToken))));
        var down = reports.SelectMany(r => DownParts(r.Name, r.Report)).ToList();
        if (!warmUp.Finished) down.Add(OwnWarmUp);
        return new GatewayReadiness(
            down.Count == 0 ? Healthy : Unhealthy,
            reports.ToDictionary(r => r.Name, r => r.Report),
            down);
    }

    private async Task<ServiceReadiness> ProbeAsync(DownstreamService service, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var response = await http.GetAsync(new Uri(configuration.AddressOf(service), "/health/ready"), timeout.Token);
            var body = await ReadBodyAsync(response, timeout.Token);
            if (body?.Status is null)
            {
                return new ServiceReadiness(Unhealthy, Description: $"unexpected answer: HTTP {(int)response.StatusCode}");
            }

            // A 200 is required as well as the word: a proxy in between could answer anything.
            var status = response.IsSuccessStatusCode ? body.Status : Unhealthy;
            return new ServiceReadiness(status, body.Checks);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new ServiceReadiness(Unreachable, Description: $"no answer within {Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e)
        {
            return new ServiceReadiness(Unreachable, Description: $"connection failed ({e.HttpRequestError})");
        }
    }

    private static async Task<ServiceHealthBody?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ServiceHealthBody>(JsonOptions, cancellationToken);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IEnumerable<string> DownParts(string service, ServiceReadiness report)
    {
        if (report.Status == Healthy) yield break;
        var failing = report.Checks?.Where(c => c.Value.Status != Healthy).Select(c => $"{service}/{c.Key}").ToList() ?? [];
        if (failing.Count == 0)
        {
            yield return service;
            yield break;
        }

        foreach (var check in failing) yield return check;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>What a service's <c>/health/ready</c> answers (see Hosting's HealthEndpoints).</summary>
    private sealed record ServiceHealthBody(string? Status, Dictionary<string, CheckReadiness>? Checks);
}

public static class ReadinessEndpoints
{
    public static IServiceCollection AddReadiness(this IServiceCollection services)
    {
        // The probe's own timeout is per service; this one only bounds a misbehaving handler.
        services.AddHttpClient<ReadinessProbe>(c => c.Timeout = ReadinessProbe.Timeout + TimeSpan.FromSeconds(1));
        return services;
    }

    public static IEndpointRouteBuilder MapGatewayHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapGet("/health/ready", async Task<JsonHttpResult<GatewayReadiness>> (ReadinessProbe probe, CancellationToken cancellationToken) =>
        {
            var report = await probe.CheckAsync(cancellationToken);
            return TypedResults.Json(report, statusCode: report.IsReady ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).AllowAnonymous();
        return app;
    }
}
