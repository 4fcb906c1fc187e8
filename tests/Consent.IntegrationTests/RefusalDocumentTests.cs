using System.Text.Json;
using ConsentPlatform.Consent.IntegrationTests.Support;
using Xunit;

namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Issue 24, refusals as values: an endpoint that answers with an <c>Outcome&lt;…&gt;</c> gets its
/// problem responses in the OpenAPI document from the refusal kinds it declares, with no hand-written
/// <c>ProducesProblem</c>; each as a problem body (a validation problem for 400).
/// </summary>
public sealed class RefusalDocumentTests(ConsentApi api)
{
    [Fact]
    public async Task Pausing_declares_its_success_and_each_refusal_kind_as_a_problem_response()
    {
        using var client = api.Host.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(document);
        var responses = json.RootElement.GetProperty("paths").GetProperty("/api/consents/{id}/pause").GetProperty("post").GetProperty("responses");
        Assert.True(responses.GetProperty("200").GetProperty("content").TryGetProperty("application/json", out _));
        foreach (var status in new[] { "400", "403", "404", "409", "412" })
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
            Assert.EndsWith(status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails", schema, StringComparison.Ordinal);
        }
    }
}
