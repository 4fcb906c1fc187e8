namespace ConsentPlatform.Gateway.Tests;

public sealed class ApiDocsTests(LocalGateway gateway) : IClassFixture<LocalGateway>
{
    private GatewayHost Host => gateway.Host;

    [Theory]
    [InlineData("consent")]
    [InlineData("dsa-registry")]
    [InlineData("disclosure")]
    [InlineData("audit")]
    public async Task Each_services_OpenAPI_document_is_served_anonymously(string service)
    {
        using var response = await Host.GetAsync($"/openapi/{service}.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.JsonAsync();
        Assert.Equal(service, document.GetProperty("info").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Docs_page_lists_all_four_documents()
    {
        using var response = await Host.GetAsync("/docs/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        foreach (var service in GatewayHost.ServiceNames)
        {
            // Scalar resolves this against the site root, so the browser fetches /openapi/{service}.json.
            Assert.Contains($"\"url\":\"openapi/{service}.json\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Docs_page_script_is_served_anonymously()
    {
        using var response = await Host.GetAsync("/docs/scalar.js");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Health_report_does_not_leak_internal_fields()
    {
        using var response = await Host.GetAsync("/health/ready");

        var report = await response.JsonAsync();
        Assert.Equal(["status", "services", "down"], report.EnumerateObject().Select(p => p.Name));
    }
}
