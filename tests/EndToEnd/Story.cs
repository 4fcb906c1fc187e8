using System.Net.Http.Json;
using System.Text.Json;

namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>The brief's cast and the documents of its story, in the API's own JSON.</summary>
internal static class Story
{
    public const string LocalAuthority = "LA-E2E";
    public const string School = "URN-E2E";

    /// <summary>A fresh subject id per test, so tests never meet each other's consents.</summary>
    public static string NewSubject() => "yc-" + Guid.NewGuid().ToString("N")[..12];

    public static object SchoolSupportDsa(string title = "Young carers: council and school") => new
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

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object? body = null) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body ?? new { });
}
