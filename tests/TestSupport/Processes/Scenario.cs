namespace ConsentPlatform.TestSupport.Processes;

/// <summary>
/// The brief's cast and the steps of its story, through the gateway, in the API's own JSON:
/// shared by the end-to-end, fault and security suites so they all tell the same story.
/// </summary>
public sealed class Scenario(PlatformProcesses platform)
{
    public const string LocalAuthority = "LA-E2E";
    public const string School = "URN-E2E";

    /// <summary>A fresh subject id, so that tests never meet each other's consents.</summary>
    public static string NewSubject() => "yc-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The school-support agreement between a council and a school (the story's own two unless named).</summary>
    public static object SchoolSupportDsa(string title = "Young carers: council and school", string localAuthority = LocalAuthority, string school = School) => new
    {
        title,
        parties = new object[]
        {
            new { orgId = localAuthority, name = "County Council", role = "both" },
            new { orgId = school, name = "Riverside School", role = "both" },
        },
        purposes = new object[]
        {
            new
            {
                code = "school-support",
                description = "So your school can give you extra time and support when caring gets heavy.",
                dataCategories = new[] { "identity.basic", "caring.role", "education.attendance" },
                lawfulBasis = new { article6 = "consent" },
                requiresConsent = true,
                allowsSafeguardingOverride = true,
            },
            new
            {
                code = "whole-family-support",
                description = "So the council can plan help for your whole family, not just for you.",
                dataCategories = new[] { "identity.basic", "caring.role" },
                lawfulBasis = new { article6 = "public-task" },
                requiresConsent = false,
                allowsSafeguardingOverride = true,
            },
        },
        effectiveFrom = DateTimeOffset.UtcNow.AddDays(-1),
        effectiveTo = DateTimeOffset.UtcNow.AddYears(1),
        retentionDays = 90,
    };

    /// <summary>An IG officer of the local authority drafts the school-support DSA and both parties sign it, which activates it; returns its id.</summary>
    public async Task<string> ActiveDsaAsync()
    {
        using var ig = await platform.ClientAsAsync("IgOfficer", org: LocalAuthority);
        var drafted = await ig.PostJsonAsync("/api/dsas", SchoolSupportDsa());
        var id = (await drafted.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
        await platform.SignByEveryPartyAsync(id);
        return id;
    }

    /// <summary>The young carer consents to <paramref name="purpose"/> for themselves; returns the consent id.</summary>
    public async Task<string> ConsentAsync(string subject, string purpose = "school-support")
    {
        using var youngCarer = await platform.ClientAsAsync("YoungCarer", subjectId: subject);
        var granted = await youngCarer.PostJsonAsync("/api/consents", new { subjectId = subject, purpose, givenBy = "self" });
        return (await granted.ExpectJsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    /// <summary>The school's practitioner asks the local authority for a share; returns the response.</summary>
    public static Task<HttpResponseMessage> RequestShareAsync(HttpClient schoolPractitioner, string subject, string[] categories, string purpose = "school-support", string basis = "consent", string? justification = null) =>
        schoolPractitioner.PostJsonAsync("/api/disclosures", new
        {
            subjectId = subject,
            purpose,
            holderOrgId = LocalAuthority,
            dataCategories = categories,
            basis,
            justification,
        });
}

public static class HttpJson
{
    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary>The body, after checking the status; a mismatch fails with the body in the message.</summary>
    public static async Task<JsonElement> ExpectJsonAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        ArgumentNullException.ThrowIfNull(response);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)status}: {body}");
        }

        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { });
    }

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body)
    {
        ArgumentNullException.ThrowIfNull(client);
        return client.PutAsJsonAsync(new Uri(path, UriKind.Relative), body);
    }
}
