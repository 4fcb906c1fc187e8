namespace ConsentPlatform.Portal.Tests.Support;

/// <summary>The brief's cast and the setup a story needs, made through the API as users would.</summary>
public static class Story
{
    public const string LocalAuthority = "LA-PORTAL";
    public const string School = "URN-PORTAL";

    public static string NewSubject() => "yc-" + Guid.NewGuid().ToString("N")[..10];

    public static object SchoolSupportDsa(string title) => new
    {
        title,
        parties = new object[]
        {
            new { orgId = LocalAuthority, name = "County Council", role = "both" },
            new { orgId = School, name = "Riverside School", role = "both" },
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
        },
        effectiveFrom = DateTimeOffset.UtcNow.AddDays(-1),
        effectiveTo = DateTimeOffset.UtcNow.AddYears(1),
        retentionDays = 90,
    };

    /// <summary>An active school-support DSA between the council and the school (made once per suite is enough, but each story may add its own).</summary>
    public static async Task<string> ActiveDsaAsync(PortalPlatform platform, string title)
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var ig = await platform.ClientAsAsync("IgOfficer", org: LocalAuthority);
        var drafted = await ig.PostAsJsonAsync("/api/dsas", SchoolSupportDsa(title));
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        var id = (await ReadJsonAsync(drafted)).GetProperty("id").GetString()!;
        // Both parties sign (issue 17): the last signature activates it.
        Assert.Equal("active", (await platform.SignByEveryPartyAsync(id)).GetProperty("status").GetString());
        return id;
    }

    /// <summary>A consent recorded by a practitioner of the school, given in person by the young carer.</summary>
    public static async Task<string> ConsentAsync(PortalPlatform platform, string subject, string purpose = "school-support")
    {
        ArgumentNullException.ThrowIfNull(platform);
        using var practitioner = await platform.ClientAsAsync("Practitioner", org: School);
        var granted = await practitioner.PostAsJsonAsync("/api/consents", new { subjectId = subject, purpose, givenBy = "self" });
        Assert.Equal(HttpStatusCode.Created, granted.StatusCode);
        return (await ReadJsonAsync(granted)).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string path)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await ReadJsonAsync(response);
    }
}
