namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>The consent service's OpenAPI document as other people's tools read it: anonymously, at <c>/openapi/v1.json</c>.</summary>
public static class OpenApi
{
    public static async Task<JsonElement> OperationAsync(this ConsentApi api, string path, string method = "get")
    {
        ArgumentNullException.ThrowIfNull(api);
        using var client = api.Host.CreateClient();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        using var json = JsonDocument.Parse(document);
        return json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).Clone();
    }

    /// <summary>The operation, once its id is asserted and its summary is not empty.</summary>
    public static async Task<JsonElement> SummarisedOperationAsync(this ConsentApi api, string path, string operationId, string method = "get")
    {
        var operation = await api.OperationAsync(path, method);
        Assert.Equal(operationId, operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        return operation;
    }

    /// <summary>The <paramref name="property"/> of each object in a JSON array.</summary>
    public static List<string> Texts(this JsonElement array, string property) => [.. array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!)];
}
