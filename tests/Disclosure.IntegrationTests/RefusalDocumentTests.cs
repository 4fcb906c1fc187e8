using static ConsentPlatform.Disclosure.IntegrationTests.Support.Scenario;

namespace ConsentPlatform.Disclosure.IntegrationTests;

/// <summary>
/// Issue 24 (ADR 0016): each endpoint's <c>Outcome&lt;…&gt;</c> puts its refusal kinds in the OpenAPI
/// document as problem responses; what is not a refusal (413, 410) stays declared by hand.
/// </summary>
public sealed class RefusalDocumentTests(Platform platform) : IDisposable
{
    private readonly HttpClient client = platform.Disclosure.CreateClient();

    [Fact]
    public async Task Every_operation_declares_its_success_and_each_problem_it_gives()
    {
        // Method, path, the success, then the problems declared.
        var wrong = await OpenApiResponses.WrongAsync(
            client,
            """
            POST /api/disclosures 201 400 403
            POST /api/disclosures/{id}/approve-override 200 400 403 404 409
            POST /api/disclosures/{id}/release 200 400 403 404 409 413 422
            GET /api/disclosures/{id}/package 200 403 404 409 410
            POST /api/disclosures/{id}/deletion 200 400 403 404 409
            POST /api/disclosures/{id}/override-review 200 400 403 404 409
            POST /api/disclosures/{id}/notice-delay 200 400 403 404 409
            GET /api/disclosures/{id} 200 403 404
            GET /api/disclosures 200 400 403
            """,
            Cancel);

        Assert.Empty(wrong);
    }

    public void Dispose() => client.Dispose();
}
