using System.Net;
using ConsentPlatform.Audit.IntegrationTests.Support;
using Xunit;

namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>The service's OpenAPI document describes every audit route.</summary>
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
}
