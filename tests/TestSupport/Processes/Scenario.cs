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

    /// <summary>A purpose of an agreement, as the DSA registry takes it (its JSON in the API's camelCase).</summary>
    public sealed record Purpose(string Code, string Description, string[] DataCategories, LawfulBasis LawfulBasis, bool RequiresConsent, bool AllowsSafeguardingOverride);

    /// <summary>The UK GDPR Article 6 basis a purpose rests on.</summary>
    public sealed record LawfulBasis(string Article6);

    /// <summary>The purpose the story is about: the school's support, on the young carer's consent.</summary>
    public static readonly Purpose SchoolSupportPurpose = new(
        "school-support",
        "So your school can give you extra time and support when caring gets heavy.",
        ["identity.basic", "caring.role", "education.attendance"],
        new LawfulBasis("consent"),
        RequiresConsent: true,
        AllowsSafeguardingOverride: true);

    /// <summary>The council's whole-family support, a public task that asks for no consent.</summary>
    public static readonly Purpose WholeFamilySupportPurpose = new(
        "whole-family-support",
        "So the council can plan help for your whole family, not just for you.",
        ["identity.basic", "caring.role"],
        new LawfulBasis("public-task"),
        RequiresConsent: false,
        AllowsSafeguardingOverride: true);

    /// <summary>The school-support agreement between a council and a school (the story's own two unless named).</summary>
    public static object SchoolSupportDsa(string title = "Young carers: council and school", string localAuthority = LocalAuthority, string school = School) =>
        Dsa(title, localAuthority, school, [SchoolSupportPurpose, WholeFamilySupportPurpose]);

    /// <summary>An agreement between a council and a school, both sharing and receiving, for a year from yesterday, with the purposes given.</summary>
    public static object Dsa(string title, string localAuthority, string school, Purpose[] purposes) => new
    {
        title,
        parties = new object[]
        {
            new { orgId = localAuthority, name = "County Council", role = "both" },
            new { orgId = school, name = "Riverside School", role = "both" },
        },
        purposes,
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

    /// <summary>
    /// The opening of most stories: the agreement active, a fresh young carer who consents to school
    /// support, and clients for them, the school's practitioner and the council's.
    /// </summary>
    public async Task<Cast> CastAsync()
    {
        var subject = NewSubject();
        var dsaId = await ActiveDsaAsync();
        var consentId = await ConsentAsync(subject);
        return new Cast(
            subject,
            dsaId,
            consentId,
            await platform.ClientAsAsync("YoungCarer", subjectId: subject),
            await platform.ClientAsAsync("Practitioner", org: School, name: "ms-khan"),
            await platform.ClientAsAsync("Practitioner", org: LocalAuthority, name: "mr-jones"));
    }

    /// <summary>The school's practitioner asks the local authority (the story's own unless named) for a share; returns the response.</summary>
    public static Task<HttpResponseMessage> RequestShareAsync(HttpClient schoolPractitioner, string subject, string[] categories, string purpose = "school-support", string basis = "consent", string? justification = null, string holderOrgId = LocalAuthority) =>
        schoolPractitioner.PostJsonAsync("/api/disclosures", new
        {
            subjectId = subject,
            purpose,
            holderOrgId,
            dataCategories = categories,
            basis,
            justification,
        });
}

/// <summary>Who a story starts with (<see cref="Scenario.CastAsync"/>); disposing it disposes their clients.</summary>
public sealed record Cast(string Subject, string DsaId, string ConsentId, HttpClient YoungCarer, HttpClient School, HttpClient Council) : IDisposable
{
    public void Dispose()
    {
        YoungCarer.Dispose();
        School.Dispose();
        Council.Dispose();
    }
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
