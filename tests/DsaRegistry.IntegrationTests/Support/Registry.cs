namespace ConsentPlatform.DsaRegistry.IntegrationTests.Support;

/// <summary>The registry's HTTP API as the tests drive it, with a pair of fresh organisations per test.</summary>
public sealed class Registry(RegistryFixture fixture)
{
    public static JsonSerializerOptions Json => PlatformJson.Options;

    public string LocalAuthority { get; } = NewOrg("LA");
    public string School { get; } = NewOrg("URN");

    public static string NewOrg(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public HttpClient Officer(string? org = null) => fixture.Host.ClientFor(PlatformRoles.IgOfficer, org ?? LocalAuthority);

    public HttpClient As(string role, string? org = null, string? subjectId = null) => fixture.Host.ClientFor(role, org, subjectId);

    /// <summary>The acceptance scenario's terms: school-support by consent, whole-family-support under public task.</summary>
    public DsaTerms Terms(DateTimeOffset? from = null, DateTimeOffset? to = null) => new(
        "Young carers support: council and school",
        [new PartyTerms(LocalAuthority, "Example Council", "both"), new PartyTerms(School, "Example School", "both")],
        [Samples.SchoolSupport, Samples.WholeFamilySupport],
        from ?? DateTimeOffset.UtcNow.AddDays(-1),
        to ?? DateTimeOffset.UtcNow.AddDays(365),
        365);

    public static JsonContent Body(object value) => JsonContent.Create(value, value.GetType(), options: Json);

    public async Task<Dsa> DraftAsync(DsaTerms? terms = null, HttpClient? client = null)
    {
        var response = await (client ?? Officer()).PostAsync(new Uri("/api/dsas", UriKind.Relative), Body(terms ?? Terms()), Cancel);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<Dsa>(response);
    }

    public async Task<Dsa> ActiveAsync(DsaTerms? terms = null)
    {
        var dsa = await DraftAsync(terms);
        return await SignByEveryPartyAsync(dsa.Id);
    }

    /// <summary>Issue 17: an IG officer of each party that has not yet signed signs the current terms; the last signature activates (or reinstates) the DSA.</summary>
    public async Task<Dsa> SignByEveryPartyAsync(Guid id)
    {
        var dsa = await ReadAsync<Dsa>(await Officer().GetAsync(new Uri($"/api/dsas/{id}", UriKind.Relative), Cancel));
        foreach (var party in dsa.AwaitingSignatureFrom ?? [])
        {
            var response = await PostAsync(Officer(party.OrgId), $"/api/dsas/{id}/sign", new { version = dsa.TermsVersion });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            dsa = await ReadAsync<Dsa>(response);
        }

        return dsa;
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body = null, string? ifMatch = null) =>
        SendAsync(client, HttpMethod.Post, path, body, ifMatch);

    public static Task<HttpResponseMessage> PutAsync(HttpClient client, string path, object body, string? ifMatch = null) =>
        SendAsync(client, HttpMethod.Put, path, body, ifMatch);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        client.GetAsync(new Uri(path, UriKind.Relative), Cancel);

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string path, object? body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null) request.Content = Body(body);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request, Cancel);
    }

    public static Task<T> ReadAsync<T>(HttpResponseMessage response) => HttpAnswers.ReadAsync<T>(response);

    /// <summary>A problem response: its status and content type checked, its body returned.</summary>
    public static Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected) => HttpAnswers.ProblemAsync(response, expected);

    public static string? ETag(HttpResponseMessage response) => response.Headers.ETag?.Tag;

    public static EntityTagHeaderValue Tag(long version) => new($"\"{version}\"");
}
