using System.Text.Json;
using ConsentPlatform.Disclosure.IntegrationTests.Support;
using Xunit;
using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>
/// Issue 24, refusals as values (ADR 0016): the disclosure service's endpoints answer with an
/// <c>Outcome&lt;…&gt;</c>, so their problem responses in the OpenAPI document are the refusal kinds
/// they declare, each a problem body (a validation problem for 400), with no hand-written
/// <c>ProducesProblem</c>; what is not a refusal (413, 410) stays declared by hand.
/// </summary>
public sealed class RefusalDocumentTests(Platform platform)
{
    public static TheoryData<string, string, string, string> Operations => new()
    {
        // path, method, success, the problems it declares
        { "/api/disclosures", "post", "201", "400 403" },
        { "/api/disclosures/{id}/approve-override", "post", "200", "400 403 404 409" },
        { "/api/disclosures/{id}/release", "post", "200", "400 403 404 409 413 422" },
        { "/api/disclosures/{id}/package", "get", "200", "403 404 409 410" },
        { "/api/disclosures/{id}/deletion", "post", "200", "400 403 404 409" },
        { "/api/disclosures/{id}/override-review", "post", "200", "400 403 404 409" },
        { "/api/disclosures/{id}/notice-delay", "post", "200", "400 403 404 409" },
        { "/api/disclosures/{id}", "get", "200", "403 404" },
        { "/api/disclosures", "get", "200", "400 403" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Each_operation_declares_its_success_and_each_refusal_kind_as_a_problem_response(string path, string method, string success, string problems)
    {
        using var client = platform.Disclosure.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel));

        var responses = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.True(responses.TryGetProperty(success, out _), $"{method} {path} declares no {success}");
        foreach (var status in problems.Split(' '))
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
            Assert.EndsWith(status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails", schema, StringComparison.Ordinal);
        }
    }
}
