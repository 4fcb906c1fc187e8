namespace ConsentPlatform.Gateway.Tests.Support;

/// <summary>
/// A stand-in for one downstream service on a loopback port: it echoes what reached it (path,
/// query, method, Authorization header, body size, Host and X-Forwarded-Host), holds a request
/// when a test asks it to (<see cref="Hold"/>), serves an OpenAPI document, and answers
/// <c>/health/ready</c> in the services' JSON shape with whatever <see cref="Health"/> says.
/// </summary>
public sealed class FakeService : IAsyncDisposable
{
    public const string Healthy = "Healthy";
    public const string Unhealthy = "Unhealthy";
    public const string Hangs = "Hangs";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<string> received = new();
    private readonly ConcurrentDictionary<string, RequestGate> gates = new();

    private FakeService(string name, WebApplication app)
    {
        Name = name;
        this.app = app;
    }

    public string Name { get; }

    public Uri Address { get; private set; } = null!;

    public string Health { get; set; } = Healthy;

    /// <summary>Every path and query string that reached this service, except health and OpenAPI.</summary>
    public IReadOnlyCollection<string> Received => received;

    /// <summary>Holds the request for this path and query string in the service until the gate is opened.</summary>
    public RequestGate Hold(string pathAndQuery) => gates.GetOrAdd(pathAndQuery, _ => new RequestGate());

    public static async Task<FakeService> StartAsync(string name)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeService(name, app);
        fake.Map();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        fake.Address = new Uri(address);
        return fake;
    }

    private void Map()
    {
        app.MapGet("/health/ready", async (HttpContext context) =>
        {
            if (Health == Hangs)
            {
                await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
            }

            var healthy = Health == Healthy;
            return Results.Json(
                new
                {
                    status = healthy ? Healthy : Unhealthy,
                    checks = new
                    {
                        postgres = new { status = Healthy, description = $"database {Name} answers" },
                        rabbitmq = new { status = healthy ? Healthy : Unhealthy, description = healthy ? "bus started" : "broker unreachable" },
                    },
                },
                statusCode: healthy ? 200 : 503);
        });
        app.MapGet("/openapi/v1.json", () => Results.Json(new { openapi = "3.1.1", info = new { title = Name, version = "v1" }, paths = new { } }));
        app.Map("/{**path}", async (HttpContext context) =>
        {
            var request = context.Request;
            received.Enqueue(request.Path + request.QueryString);
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, context.RequestAborted);
            if (gates.TryGetValue(request.Path + request.QueryString, out var gate))
            {
                await gate.PassAsync(context.RequestAborted);
            }

            return Results.Json(new EchoedRequest(
                Name,
                request.Method,
                request.Path,
                request.QueryString.Value,
                request.Headers.Authorization.Count > 0 ? request.Headers.Authorization.ToString() : null,
                body.Length,
                request.Headers.Host.ToString(),
                request.Headers["X-Forwarded-Host"].Count > 0 ? request.Headers["X-Forwarded-Host"].ToString() : null));
        });
    }

    public async ValueTask DisposeAsync()
    {
        // A test that failed while holding a request would otherwise keep the service from stopping.
        foreach (var gate in gates.Values) gate.Open();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

public sealed record EchoedRequest(string Service, string Method, string Path, string? Query, string? Authorization, long BodyLength, string? Host = null, string? ForwardedHost = null);
