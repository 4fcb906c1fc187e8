namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>The service's OpenAPI document describes every audit route, and the refusals each can give (issue 24: from its <c>Outcome&lt;…&gt;</c>).</summary>
public sealed class ApiDocumentTests(AuditFixture audit)
{
    [Fact]
    public async Task OpenApi_document_lists_the_audit_and_transparency_routes()
    {
        using var client = audit.Host.CreateClient();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        var document = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        foreach (var path in new[] { "/api/audit/entries", "/api/audit/verify", "/api/audit/stats", "/api/audit/disclosures/{id}/replay", "/api/me/disclosures", "/api/stats/{file}" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/api/audit/entries", "get", "400")]
    [InlineData("/api/audit/export", "get", "400 503")]
    [InlineData("/api/audit/disclosures/{id}/replay", "get", "404")]
    [InlineData("/api/audit/checkpoint", "get", "503")]
    [InlineData("/api/audit/proofs/consistency", "get", "400")]
    [InlineData("/api/audit/proofs/inclusion", "get", "400 404")]
    [InlineData("/api/audit/entries/{sequence}/leaf", "get", "404")]
    [InlineData("/api/audit/checkpoint/cosignatures", "post", "422 415")]
    [InlineData("/api/stats/{file}", "get", "400")]
    [InlineData("/api/me/proofs", "get", "400 403 404 503")]
    public async Task An_operation_declares_each_refusal_kind_as_a_problem_response(string path, string method, string refusals)
    {
        using var client = audit.Host.CreateClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);

        using var json = JsonDocument.Parse(document);
        var responses = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        foreach (var status in refusals.Split(' '))
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
            Assert.EndsWith(status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails", schema, StringComparison.Ordinal);
        }
    }
}
