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
    /// <summary>Method, path, the success, then the refusals declared.</summary>
    private const string Operations = """
        POST /api/dsas 201 400 403
        PUT /api/dsas/{id} 200 400 403 404 409 412
        POST /api/dsas/{id}/activate 200 400 403 404 409 412
        POST /api/dsas/{id}/suspend 200 400 403 404 409 412
        POST /api/dsas/{id}/reinstate 200 400 403 404 409 412
        POST /api/dsas/{id}/terminate 200 400 403 404 409 412
        POST /api/dsas/{id}/sign 200 400 403 404 409
        GET /api/dsas/{id} 200 404
        GET /api/dsas/{id}/history 200 404
        GET /api/dsas 200 400
        PUT /api/tenants/{tenantId} 200 400 409 412
        POST /api/tenants/{tenantId}/offboard 204 400 404 409 412
        """;

    [Fact]
    public async Task Every_converted_operation_declares_its_success_and_each_refusal_kind()
    {
        using var client = fixture.Host.CreateClient();

        Assert.Empty(await OpenApiResponses.WrongAsync(client, Operations, Cancel));
    }
}
