using System.Net;
using System.Text.Json;
using ConsentPlatform.Audit;
using ConsentPlatform.Consent;
using ConsentPlatform.Contracts.Audit;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Contracts.Disclosure;
using ConsentPlatform.Contracts.DsaRegistry;
using ConsentPlatform.Disclosure;
using ConsentPlatform.DsaRegistry;
using ConsentPlatform.Hosting.Authentication;
using ConsentPlatform.TestSupport.Hosts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ConsentPlatform.Platform.IntegrationTests;

/// <summary>
/// The same behaviour for each of the four hosts: ready on its own database and the broker,
/// answering its placeholder check over RabbitMQ, refusing a call without a valid token.
/// </summary>
public abstract class ServiceHostTests<TModule, TPing, TPong>(ServiceHost<TModule> host, string serviceName)
    where TModule : class
    where TPing : class
    where TPong : class
{
    protected abstract TPing NewPing(Guid id);
    protected abstract (Guid PingId, string Service) Read(TPong pong);

    [Fact]
    public async Task Readiness_names_the_database_and_the_broker_as_healthy()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var checks = report.RootElement.GetProperty("checks");
        Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
        Assert.Equal("Healthy", checks.GetProperty("rabbitmq").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Placeholder_check_is_answered_over_RabbitMQ()
    {
        using var scope = host.Services.CreateScope();
        var client = scope.ServiceProvider.GetRequiredService<IRequestClient<TPing>>();
        var id = Guid.NewGuid();

        var response = await client.GetResponse<TPong>(NewPing(id), TestContext.Current.CancellationToken, RequestTimeout.After(s: 10));

        Assert.Equal((id, serviceName), Read(response.Message));
    }

    [Fact]
    public async Task Call_without_a_token_is_401_problem_json()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/api/anything", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Call_with_a_token_from_another_key_is_401()
    {
        using var client = host.CreateClient();
        var foreign = LocalIssuer.Ephemeral(TestTokens.Issuer).CreateToken(PlatformRoles.Auditor, "mallory", null, null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", foreign);

        var response = await client.GetAsync(new Uri("/api/anything", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_is_served_anonymously()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.True(document.RootElement.TryGetProperty("openapi", out _));
    }

    [Fact]
    public async Task OpenApi_document_declares_415_problem_on_every_operation_that_takes_a_body()
    {
        using var client = host.CreateClient();

        var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op => (Name: $"{op.Name.ToUpperInvariant()} {path.Name}", Operation: op.Value)))
            .ToList();
        Assert.NotEmpty(operations);
        foreach (var (name, operation) in operations)
        {
            var declares415 = operation.TryGetProperty("responses", out var responses) && responses.TryGetProperty("415", out var unsupported)
                              && unsupported.GetProperty("content").TryGetProperty("application/problem+json", out _);
            Assert.True(operation.TryGetProperty("requestBody", out _) == declares415, $"{name}: a 415 problem is declared exactly when the operation takes a body");
        }
    }
}

public sealed class ConsentHostTests(ServiceHost<ConsentEntryPoint> host)
    : ServiceHostTests<ConsentEntryPoint, ConsentPing, ConsentPong>(host, ConsentModule.ServiceName), IClassFixture<ServiceHost<ConsentEntryPoint>>
{
    protected override ConsentPing NewPing(Guid id) => new(id, DateTimeOffset.UtcNow);
    protected override (Guid PingId, string Service) Read(ConsentPong pong) => (pong.PingId, pong.Service);
}

public sealed class DsaRegistryHostTests(ServiceHost<DsaRegistryEntryPoint> host)
    : ServiceHostTests<DsaRegistryEntryPoint, DsaRegistryPing, DsaRegistryPong>(host, DsaRegistryModule.ServiceName), IClassFixture<ServiceHost<DsaRegistryEntryPoint>>
{
    protected override DsaRegistryPing NewPing(Guid id) => new(id, DateTimeOffset.UtcNow);
    protected override (Guid PingId, string Service) Read(DsaRegistryPong pong) => (pong.PingId, pong.Service);
}

public sealed class DisclosureHostTests(ServiceHost<DisclosureEntryPoint> host)
    : ServiceHostTests<DisclosureEntryPoint, DisclosurePing, DisclosurePong>(host, DisclosureModule.ServiceName), IClassFixture<ServiceHost<DisclosureEntryPoint>>
{
    protected override DisclosurePing NewPing(Guid id) => new(id, DateTimeOffset.UtcNow);
    protected override (Guid PingId, string Service) Read(DisclosurePong pong) => (pong.PingId, pong.Service);
}

public sealed class AuditHostTests(ServiceHost<AuditEntryPoint> host)
    : ServiceHostTests<AuditEntryPoint, AuditPing, AuditPong>(host, AuditModule.ServiceName), IClassFixture<ServiceHost<AuditEntryPoint>>
{
    protected override AuditPing NewPing(Guid id) => new(id, DateTimeOffset.UtcNow);
    protected override (Guid PingId, string Service) Read(AuditPong pong) => (pong.PingId, pong.Service);
}
