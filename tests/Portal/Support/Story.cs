namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>The brief's cast and the setup a story needs, made through the API as users would.</summary>
public static class Story
{
    public const string LocalAuthority = "LA-PORTAL";
    public const string School = "URN-PORTAL";

    public static string NewSubject() => "yc-" + Guid.NewGuid().ToString("N")[..10];

    /// <summary>The school-support agreement between the portal's council and school, its one purpose the school's support.</summary>
    public static object SchoolSupportDsa(string title) => Scenario.Dsa(title, LocalAuthority, School, [Scenario.SchoolSupportPurpose]);

    /// <summary>An active school-support DSA between the council and the school (made once per suite is enough, but each story may add its own).</summary>
    public static async Task<string> ActiveDsaAsync(PortalPlatform platform, string title)
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var ig = await platform.ClientAsAsync("IgOfficer", org: LocalAuthority);
        var drafted = await ig.PostAsJsonAsync("/api/dsas", SchoolSupportDsa(title));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (await drafted.ReadJsonAsync()).GetProperty("id").GetString()!;
        // Both parties sign (issue 17): the last signature activates it.
        Assert.Equal("active", (await platform.SignByEveryPartyAsync(id)).GetProperty("status").GetString());
        return id;
    }

    /// <summary>A fresh young carer, under an active school-support DSA of the story's own.</summary>
    public static async Task<string> SubjectUnderActiveDsaAsync(PortalPlatform platform, string title)
    {
        await ActiveDsaAsync(platform, title);
        return NewSubject();
    }

    /// <summary>A fresh young carer under an active school-support DSA of the story's own, and their consent to it.</summary>
    public static async Task<(string Subject, string ConsentId)> ConsentedSubjectAsync(PortalPlatform platform, string title)
    {
        var subject = await SubjectUnderActiveDsaAsync(platform, title);
        return (subject, await ConsentAsync(platform, subject));
    }

    /// <summary>The school's practitioner, Sally School.</summary>
    public static Task<HttpClient> SchoolPractitionerAsync(this PortalPlatform platform) =>
        platform.ClientAsAsync("Practitioner", org: School, name: "Sally School");

    /// <summary>A young carer, signed in as themselves.</summary>
    public static Task<HttpClient> YoungCarerAsync(this PortalPlatform platform, string subject) =>
        platform.ClientAsAsync("YoungCarer", subjectId: subject);

    /// <summary>The school's practitioner asks the council for a share of one category; returns the new disclosure.</summary>
    public static async Task<JsonElement> RequestShareAsync(HttpClient school, string subject, string category = "caring.role", string basis = "consent", string? justification = null)
    {
        using var requested = await Scenario.RequestShareAsync(school, subject, [category], basis: basis, justification: justification, holderOrgId: LocalAuthority);
        return await requested.ExpectJsonAsync(HttpStatusCode.Created);
    }

    /// <summary>A consent recorded by a practitioner of the school, given in person by the young carer.</summary>
    public static async Task<string> ConsentAsync(PortalPlatform platform, string subject, string purpose = "school-support")
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var practitioner = await platform.ClientAsAsync("Practitioner", org: School);
        var granted = await practitioner.PostAsJsonAsync("/api/consents", new { subjectId = subject, purpose, givenBy = "self" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        return (await granted.ReadJsonAsync()).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
