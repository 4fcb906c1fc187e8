using System.Text.Json;
using ConsentPlatform.DsaRegistry.IntegrationTests.Support;
using Xunit;
using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// Issue 24, refusals as values (ADR 0016): the registry's endpoints answer with an
/// <c>Outcome&lt;…&gt;</c>, so their problem responses in the OpenAPI document are the refusal kinds
/// they declare, each a problem body (a validation problem for 400), with no hand-written
/// <c>ProducesProblem</c>.
/// </summary>
public sealed class RefusalDocumentTests(RegistryFixture fixture)
{
    public static TheoryData<string, string, string, string> Operations => new()
    {
        // path, method, success, the refusals it declares
        { "/api/dsas", "post", "201", "400 403" },
        { "/api/dsas/{id}", "put", "200", "400 403 404 409 412" },
        { "/api/dsas/{id}/activate", "post", "200", "400 403 404 409 412" },
        { "/api/dsas/{id}/suspend", "post", "200", "400 403 404 409 412" },
        { "/api/dsas/{id}/reinstate", "post", "200", "400 403 404 409 412" },
        { "/api/dsas/{id}/terminate", "post", "200", "400 403 404 409 412" },
        { "/api/dsas/{id}/sign", "post", "200", "400 403 404 409" },
        { "/api/dsas/{id}", "get", "200", "404" },
        { "/api/dsas/{id}/history", "get", "200", "404" },
        { "/api/dsas", "get", "200", "400" },
        { "/api/tenants/{tenantId}", "put", "200", "400 409 412" },
        { "/api/tenants/{tenantId}/offboard", "post", "204", "400 404 409 412" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_declares_its_success_and_each_refusal_kind_as_a_problem_response(string path, string method, string success, string refusals)
    {
        using var client = fixture.Host.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel));

        var responses = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.TryGetProperty(success, out _), $"{method} {path} declares no {success}");
        foreach (var status in refusals.Split(' '))
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
            Assert.EndsWith(status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails", schema, StringComparison.Ordinal);
        }
    }
}
