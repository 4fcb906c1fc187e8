namespace ConsentPlatform.Benchmarks.Platform;

/// <summary>
/// What the load needs in place: an active school-support DSA between the council and the school,
/// <c>subjects</c> young carers who each consented to school-support, a practitioner's token, and
/// one prepared request body per subject (every decision is an approval on consent: the path that
/// asks both live checks and writes the most).
/// </summary>
public sealed class Story
{
    private Story(string practitionerToken, string auditorToken, IReadOnlyList<string> subjects)
    {
        PractitionerToken = practitionerToken;
        AuditorToken = auditorToken;
        Subjects = subjects;
        Bodies = [.. subjects.Select(s => Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
        {
            subjectId = s,
            purpose = "school-support",
            holderOrgId = Scenario.LocalAuthority,
            dataCategories = new[] { "identity.basic", "caring.role", "education.attendance" },
            basis = "consent",
        })))];
    }

    public string PractitionerToken { get; }
    public string AuditorToken { get; }
    public IReadOnlyList<string> Subjects { get; }
    public IReadOnlyList<byte[]> Bodies { get; }

    public static async Task<Story> SetUpAsync(BenchPlatform platform, int subjects)
    {
        var scenario = new Scenario(platform);
        await scenario.ActiveDsaAsync();
        var ids = Enumerable.Range(0, subjects).Select(_ => Scenario.NewSubject()).ToArray();
        using var gate = new SemaphoreSlim(8);
        await Task.WhenAll(ids.Select(async id =>
        {
            await gate.WaitAsync();
            try
            {
                await scenario.ConsentAsync(id);
            }
            finally
            {
                gate.Release();
            }
        }));
        return new Story(
            await TokenAsync(platform, new { role = "Practitioner", org = Scenario.School, name = "Bench Practitioner" }),
            await TokenAsync(platform, new { role = "Auditor", name = "Bench Auditor" }),
            ids);
    }

    public HttpRequestMessage DisclosureRequest(Uri baseAddress, long index)
    {
        var content = new ByteArrayContent(Bodies[(int)(index % Bodies.Count)]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseAddress, "/api/disclosures")) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", PractitionerToken);
        return request;
    }

    private static async Task<string> TokenAsync(BenchPlatform platform, object body)
    {
        using var client = new HttpClient { BaseAddress = platform.Gateway.BaseAddress };
        var response = await client.PostAsJsonAsync("/auth/dev-token", body);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("accessToken").GetString()!;
    }
}
