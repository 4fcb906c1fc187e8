namespace ConsentPlatform.TestSupport.Hosts;

/// <summary>Reading a service's answer in a test: its body in the platform's JSON, or its problem, checked.</summary>
public static class HttpAnswers
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The body as <typeparamref name="T"/>, read with the platform's own JSON options.</summary>
    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(PlatformJson.Options, Cancel))!;
    }

    /// <summary>A problem response (RFC 9457): its status, content type and <c>status</c> member checked, its body returned.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        var body = document.RootElement.Clone();
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        return body;
    }
}
