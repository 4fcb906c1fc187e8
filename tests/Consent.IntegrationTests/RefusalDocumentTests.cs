namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>
/// Issue 24, refusals as values: an endpoint that answers with an <c>Outcome&lt;…&gt;</c> gets its
/// problem responses in the OpenAPI document from the refusal kinds it declares, with no hand-written
/// <c>ProducesProblem</c>; each as a problem body (a validation problem for 400).
/// </summary>
public sealed class RefusalDocumentTests(ConsentApi api)
{
    [Theory]
    [InlineData("/api/consents/{id}/pause", "post", "200", "400 403 404 409 412")]
    [InlineData("/api/consents/{id}/withdraw", "post", "200", "400 403 404 409 412")]
    [InlineData("/api/consents/{id}/resume", "post", "200", "400 403 404 409 412")]
    [InlineData("/api/consents/{id}/decline", "post", "200", "400 403 404 409 412")]
    [InlineData("/api/consents/{id}/confirm", "post", "200", "400 403 404 409 412")]
    [InlineData("/api/consents", "post", "201", "400 403 409")]
    [InlineData("/api/consents/proposals", "post", "201", "400 403")]
    [InlineData("/api/consents", "get", "200", "400 403 503")]
    [InlineData("/api/consents/{id}", "get", "200", "403 404 503")]
    [InlineData("/api/consents/{id}/history", "get", "200", "403 404 503")]
    [InlineData("/api/consents/{id}/explanation", "get", "200", "403 404 503")]
    [InlineData("/api/consents/{id}/receipts", "get", "200", "403 404 503")]
    [InlineData("/api/link-codes", "post", "201", "400 403 404 503")]
    [InlineData("/api/me/links", "post", "201", "400 403 404 409")]
    [InlineData("/api/me/links/{linkId}", "delete", "204", "404 409")]
    [InlineData("/api/subjects/{subjectId}/competence", "post", "201", "400 403 503")]
    [InlineData("/api/subjects/{subjectId}/competence", "get", "200", "400 403 503")]
    public async Task An_operation_declares_its_success_and_each_refusal_kind_as_a_problem_response(string path, string method, string success, string refusals)
    {
        var responses = (await api.OperationAsync(path, method)).GetProperty("responses");

        Assert.True(responses.TryGetProperty(success, out _), $"{method} {path} declares no {success}");
        foreach (var status in refusals.Split(' '))
        {
            var schema = responses.GetProperty(status).GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString();
            Assert.EndsWith(status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails", schema, StringComparison.Ordinal);
        }
    }
}
