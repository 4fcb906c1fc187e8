using ConsentPlatform.TestSupport.Processes;

namespace ConsentPlatform.Disclosure.IntegrationTests.Support;

public sealed record ReasonBody(string Code, string Message);

public sealed record DecisionBody(string Outcome, ReasonBody[] Reasons, Guid? ConsentId, long? ConsentVersion, Guid? DsaId, long? DsaVersion, DateTimeOffset CheckedAt)
{
    public string[] Codes => [.. Reasons.Select(r => r.Code)];
}

public sealed record DisclosureBody(
    Guid Id, string SubjectId, string Purpose, string RequesterOrgId, string HolderOrgId, string[] DataCategories, string Basis,
    string? Justification, string Status, DecisionBody? Decision, DecisionBody? LastCheck, string RequestedBy, DateTimeOffset RequestedAt,
    JsonElement? Override, DateTimeOffset? ReleasedAt, string[]? ReleasedCategories, DateTimeOffset? AvailableUntil, int Reads,
    DateTimeOffset? LastReadAt, DateTimeOffset? PurgedAt, long Version, JsonElement? Blocked = null, DateTimeOffset? DestroyedAt = null, JsonElement? Deletion = null);

/// <summary>
/// One story of the brief, with organisations and a young carer of its own: a council (the holder)
/// and a school (the requester) under an active DSA, and a consent for <c>school-support</c>.
/// </summary>
public sealed class Scenario(Platform platform)
{
    public const string Justification = "The school needs this to adjust homework deadlines.";

    public static JsonSerializerOptions Json => PlatformJson.Options;

    public static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Platform Platform => platform;
    public string Council { get; } = NewOrg("LA");
    public string School { get; } = NewOrg("URN");
    public string Subject { get; } = $"yc-{Guid.NewGuid():N}";
    public Guid DsaId { get; private set; }
    public long DsaVersion { get; private set; }
    public Guid ConsentId { get; private set; }
    public long ConsentVersion { get; private set; }

    public static string NewOrg(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public HttpClient SchoolPractitioner(string name = "teacher") => platform.Disclosure.CreateClient().Authorize(PlatformRoles.Practitioner, School, name: name);
    public HttpClient CouncilPractitioner() => platform.Disclosure.CreateClient().Authorize(PlatformRoles.Practitioner, Council, name: "social-worker");
    public HttpClient Lead(string org, string name = "lead") => platform.Disclosure.CreateClient().Authorize(PlatformRoles.SafeguardingLead, org, name: name);
    public HttpClient Auditor() => platform.Disclosure.CreateClient().Authorize(PlatformRoles.Auditor, name: "auditor");
    public HttpClient Disclosures(string role, string? org, string name = "someone") => platform.Disclosure.CreateClient().Authorize(role, org, name: name);

    private HttpClient Officer() => platform.Registry.CreateClient().Authorize(PlatformRoles.IgOfficer, Council, name: "ig");
    private HttpClient YoungCarer() => platform.Consent.CreateClient().Authorize(PlatformRoles.YoungCarer, subjectId: Subject, name: "yc");

    /// <summary>An active DSA between the council and the school, and (unless told otherwise) the young carer's consent.</summary>
    public async Task<Scenario> GivenDsaAndConsentAsync(bool withConsent = true, int retentionDays = 30)
    {
        var dsa = new
        {
            title = "Young carers support: council and school",
            parties = new[]
            {
                new { orgId = Council, name = "Example Council", role = "both" },
                new { orgId = School, name = "Example School", role = "both" },
            },
            purposes = new object[]
            {
                new
                {
                    code = "school-support",
                    description = "So your school can help you with attendance and homework around your caring.",
                    dataCategories = new[] { "identity.basic", "caring.role", "education.attendance" },
                    lawfulBasis = new { article6 = "consent" },
                    requiresConsent = true,
                    allowsSafeguardingOverride = false,
                },
                new
                {
                    code = "whole-family-support",
                    description = "So the council can plan support for the whole family, including the person you care for.",
                    dataCategories = new[] { "identity.basic", "caring.role", "caring.hours", "cared-for.condition" },
                    lawfulBasis = new { article6 = "public-task", article9 = "health-or-social-care" },
                    requiresConsent = false,
                    allowsSafeguardingOverride = true,
                    justifications = new Dictionary<string, string>
                    {
                        ["cared-for.condition"] = "The family's plan is built around the care the person needs; a short description of the condition is the least that lets it be planned.",
                    },
                },
            },
            effectiveFrom = DateTimeOffset.UtcNow.AddDays(-1),
            effectiveTo = DateTimeOffset.UtcNow.AddDays(365),
            retentionDays,
        };
        var activated = await ActiveDsaAsync(platform.Registry, Council, dsa);
        (DsaId, DsaVersion) = (activated.GetProperty("id").GetGuid(), activated.GetProperty("version").GetInt64());

        if (withConsent)
        {
            using var carer = YoungCarer();
            var consent = new { subjectId = Subject, purpose = "school-support", recipientOrgIds = new[] { School }, givenBy = "self" };
            using var granted = await carer.PostAsJsonAsync(new Uri("/api/consents", UriKind.Relative), consent, Json, Cancel);
            Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
            var body = await granted.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel);
            (ConsentId, ConsentVersion) = (body.GetProperty("id").GetGuid(), body.GetProperty("version").GetInt64());
        }

        return this;
    }

    /// <summary>The brief's story (an active DSA and the young carer's consent) and the school's request, decided.</summary>
    public static async Task<(Scenario Story, DisclosureBody Disclosure)> RequestedAsync(Platform platform)
    {
        var story = await new Scenario(platform).GivenDsaAndConsentAsync();
        return (story, await story.RequestAsync());
    }

    /// <summary>An IG officer of <paramref name="holder"/> drafts the DSA and every party signs it (issue 17), the last signature activating it; returns it.</summary>
    public static async Task<JsonElement> ActiveDsaAsync(RegistryHost registry, string holder, object dsa)
    {
        ArgumentNullException.ThrowIfNull(registry);
        using var officer = registry.CreateClient().Authorize(PlatformRoles.IgOfficer, holder, name: "ig");
        using var drafted = await officer.PostAsJsonAsync(new Uri("/api/dsas", UriKind.Relative), dsa, Json, Cancel);
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (await drafted.Content.ReadFromJsonAsync<JsonElement>(Json, Cancel)).GetProperty("id").GetGuid();
        var activated = await DsaSignOff.SignByEveryPartyAsync(org => Task.FromResult(registry.CreateClient().Authorize(PlatformRoles.IgOfficer, org, name: "ig")), id.ToString());
        Assert.Equal("active", activated.GetProperty("status").GetString());
        return activated;
    }

    public async Task PauseConsentAsync()
    {
        using var carer = YoungCarer();
        using var paused = await carer.PostAsJsonAsync(new Uri($"/api/consents/{ConsentId}/pause", UriKind.Relative), new { reason = "exams" }, Json, Cancel);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
    }

    public async Task WithdrawConsentAsync()
    {
        using var carer = YoungCarer();
        using var withdrawn = await carer.PostAsJsonAsync(new Uri($"/api/consents/{ConsentId}/withdraw", UriKind.Relative), new { reason = "changed my mind" }, Json, Cancel);
        Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
    }

    public async Task SuspendDsaAsync()
    {
        using var officer = Officer();
        using var suspended = await officer.PostAsJsonAsync(new Uri($"/api/dsas/{DsaId}/suspend", UriKind.Relative), new { reason = "review" }, Json, Cancel);
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
    }

    public object Body(string[]? categories = null, string purpose = "school-support", string basis = "consent", string? justification = null, string? holder = null) =>
        new { subjectId = Subject, purpose, holderOrgId = holder ?? Council, dataCategories = categories ?? ["caring.role"], basis, justification };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, object? body)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body, Json, Cancel);
    }

    public static async Task<HttpResponseMessage> PostRawAsync(HttpClient client, string path, string json)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Cancel);
    }

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.GetAsync(new Uri(path, UriKind.Relative), Cancel);
    }

    public async Task<DisclosureBody> RequestAsync(object? body = null, HttpClient? client = null)
    {
        using var school = client is null ? SchoolPractitioner() : null;
        using var response = await PostAsync(client ?? school!, "/api/disclosures", body ?? Body());
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await ReadAsync<DisclosureBody>(response);
    }

    public async Task<HttpResponseMessage> ReleaseAsync(Guid id, object? data = null, HttpClient? client = null)
    {
        using var council = client is null ? CouncilPractitioner() : null;
        return await PostAsync(client ?? council!, $"/api/disclosures/{id}/release", new { data = data ?? new Dictionary<string, object> { ["caring.role"] = new { cares = "mother", hoursPerWeek = 20 } } });
    }

    public async Task<HttpResponseMessage> ReadPackageAsync(Guid id, HttpClient? client = null)
    {
        using var school = client is null ? SchoolPractitioner() : null;
        return await GetAsync(client ?? school!, $"/api/disclosures/{id}/package");
    }

    /// <summary>A disclosure requested, released and read, each step asserted to succeed.</summary>
    public async Task<DisclosureBody> ReleasedAndReadAsync()
    {
        var disclosure = await RequestAsync();
        using (var released = await ReleaseAsync(disclosure.Id)) Assert.Equal(HttpStatusCode.OK, released.StatusCode);
        using (var read = await ReadPackageAsync(disclosure.Id)) Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        return disclosure;
    }

    public static Task<T> ReadAsync<T>(HttpResponseMessage response) => HttpAnswers.ReadAsync<T>(response);

    /// <summary>A problem response: its status and content type checked, its body returned.</summary>
    public static Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected) => HttpAnswers.ProblemAsync(response, expected);

    public static string[] ReasonCodes(JsonElement problem) =>
        [.. problem.GetProperty("decision").GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()!)];
}
