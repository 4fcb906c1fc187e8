namespace ConsentPlatform.Consent.IntegrationTests.Support;

/// <summary>The Consent resource as a client reads it; enums stay strings to check the wire format.</summary>
public sealed record ConsentBody(
    Guid Id,
    string SubjectId,
    string Purpose,
    string[] RecipientOrgIds,
    string[] DataCategories,
    string GivenBy,
    string Status,
    DateTimeOffset GrantedAt,
    DateTimeOffset? ExpiresAt,
    long Version,
    DateTimeOffset? ProposedAt = null,
    DateTimeOffset? AnswerBy = null,
    string? Note = null,
    JsonElement? Proxy = null,
    DateTimeOffset? ConfirmBy = null);

public sealed record HistoryBody(long Version, string Event, DateTimeOffset OccurredAt, ActorBody Actor, string? Reason, ConsentBody Consent);

public sealed record ActorBody(string UserId, string Role, string? OrgId);

/// <summary>A young carer signed in as themselves, and the consent they have just granted: where most tests start.</summary>
public sealed record GrantedConsent(string Subject, HttpClient Client, ConsentBody Consent) : IDisposable
{
    /// <summary>POST /api/consents/{id}/{action} on this consent, as the young carer.</summary>
    public Task<HttpResponseMessage> ActAsync(string action, object? body = null, string? ifMatch = null) => Client.ActAsync(Consent.Id, action, body, ifMatch);

    public Task<IReadOnlyList<HistoryBody>> HistoryAsync() => Client.HistoryAsync(Consent.Id);

    public void Dispose() => Client.Dispose();
}

/// <summary>Calls of the consent API, as a young carer, practitioner or auditor would make them.</summary>
public static class Api
{
    public const string Org = "school-1";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public static string NewSubject() => $"yc-{Guid.NewGuid():N}";

    public static HttpClient YoungCarer(this ConsentApi api, string subjectId)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.ClientFor(PlatformRoles.YoungCarer, subjectId: subjectId);
    }

    public static HttpClient Practitioner(this ConsentApi api, string org = Org)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.ClientFor(PlatformRoles.Practitioner, org: org);
    }

    public static HttpClient Auditor(this ConsentApi api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.ClientFor(PlatformRoles.Auditor);
    }

    public static object GrantBody(
        string subjectId,
        string purpose = "school-support",
        string[]? recipientOrgIds = null,
        string[]? dataCategories = null,
        DateTimeOffset? expiresAt = null,
        string givenBy = "self",
        object? proxy = null) =>
        new { subjectId, purpose, recipientOrgIds, dataCategories, expiresAt, givenBy, proxy };

    /// <summary>A new young carer grants a consent (201 asserted) with these terms, the rest as <see cref="GrantBody"/> has them.</summary>
    public static async Task<GrantedConsent> YoungCarerGrantsAsync(
        this ConsentApi api,
        string purpose = "school-support",
        string[]? recipientOrgIds = null,
        string[]? dataCategories = null,
        DateTimeOffset? expiresAt = null)
    {
        var subject = NewSubject();
        var client = api.YoungCarer(subject);
        return new(subject, client, await client.GrantedAsync(GrantBody(subject, purpose, recipientOrgIds, dataCategories, expiresAt)));
    }

    public static Task<HttpResponseMessage> GrantAsync(this HttpClient client, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsJsonAsync(new Uri("/api/consents", UriKind.Relative), body, Json, Cancel);
    }

    public static object ProposeBody(
        string subjectId,
        string purpose = "school-support",
        string[]? recipientOrgIds = null,
        string[]? dataCategories = null,
        DateTimeOffset? expiresAt = null,
        string? note = null) =>
        new { subjectId, purpose, recipientOrgIds, dataCategories, expiresAt, note };

    public static Task<HttpResponseMessage> ProposeAsync(this HttpClient client, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsJsonAsync(new Uri("/api/consents/proposals", UriKind.Relative), body, Json, Cancel);
    }

    /// <summary>Proposes and returns the proposed consent, failing the test if it was not 201.</summary>
    public static async Task<ConsentBody> ProposedAsync(this HttpClient client, object body)
    {
        using var response = await client.ProposeAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ConsentAsync();
    }

    public static async Task<HttpResponseMessage> RawPostAsync(this HttpClient client, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);
    }

    /// <summary>Grants and returns the created consent, failing the test if it was not 201.</summary>
    public static async Task<ConsentBody> GrantedAsync(this HttpClient client, object body)
    {
        using var response = await client.GrantAsync(body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ConsentAsync();
    }

    /// <summary>POST /api/consents/{id}/{action} with an optional JSON body and If-Match.</summary>
    public static async Task<HttpResponseMessage> ActAsync(this HttpClient client, Guid id, string action, object? body = null, string? ifMatch = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/consents/{id}/{action}", UriKind.Relative));
        if (body is not null) request.Content = JsonContent.Create(body, options: Json);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Cancel);
    }

    public static Task<HttpResponseMessage> ReadAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
    }

    /// <summary>GET that must answer 200 (failing the test with the status and body if not); returns the body.</summary>
    public static async Task<string> OkTextAsync(this HttpClient client, string path)
    {
        using var response = await client.ReadAsync(path);
        var text = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        return text;
    }

    public static async Task<ConsentBody> ConsentAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<ConsentBody>(Json, Cancel))!;
    }

    public static async Task<T> BodyAsync<T>(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return (await response.Content.ReadFromJsonAsync<T>(Json, Cancel))!;
    }

    public static async Task<IReadOnlyList<HistoryBody>> HistoryAsync(this HttpClient client, Guid id)
    {
        using var response = await client.ReadAsync($"/api/consents/{id}/history");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync<HistoryBody[]>();
    }

    /// <summary>Polls (bounded, 20 s) until the history has <paramref name="count"/> entries: a background job writes them.</summary>
    public static async Task<IReadOnlyList<HistoryBody>> AwaitHistoryAsync(this HttpClient client, Guid id, int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        IReadOnlyList<HistoryBody> history;
        do
        {
            await Task.Delay(250, Cancel);
            history = await client.HistoryAsync(id);
        }
        while (history.Count < count && DateTime.UtcNow < deadline);
        return history;
    }

    public static async Task<IReadOnlyList<ConsentBody>> ListAsync(this HttpClient client, string subjectId)
    {
        using var response = await client.ReadAsync($"/api/consents?subjectId={subjectId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.BodyAsync<ConsentBody[]>();
    }

    /// <summary>Asserts a problem+json body with this status and returns its <c>errors</c> keys (empty when none).</summary>
    public static async Task<IReadOnlyList<string>> ProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal((int)status, problem.RootElement.GetProperty("status").GetInt32());
        return problem.RootElement.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(e => e.Name)]
            : [];
    }
}
