namespace ConsentPlatform.EndToEnd.Tests;

/// <summary>
/// Issue 17 parts 2 and 3 through the gateway: an IG officer drafts an agreement from each of the
/// registry's templates, which passes the content rules unchanged with a justification for every
/// special category and family member's item, and (for the purposes no other story uses) becomes
/// active once both parties sign; and the
/// agreements due for review are listed, those a year away are not. The parties are organisations
/// of this test's own, so that no other story's shares are judged under these agreements.
/// </summary>
public sealed class AgreementTemplateStoryTests(PlatformProcesses platform)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The purposes of the suites' own agreement (<see cref="Scenario.SchoolSupportDsa"/>).</summary>
    private static readonly HashSet<string?> SharedPurposes = ["school-support", "whole-family-support"];

    [Fact]
    public async Task Each_template_drafts_unchanged_justifies_every_special_item_and_activates_when_both_parties_sign_and_review_dates_are_listed_when_due()
    {
        var suffix = Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var council = $"LA-TPL-{suffix}";
        var partner = $"URN-TPL-{suffix}";
        using var officer = await platform.ClientAsAsync("IgOfficer", org: council, name: "ig-templates");
        var templates = await (await officer.GetAsync(new Uri("/api/dsas/templates", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.True(templates.GetArrayLength() >= 5, templates.ToString());
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        var activated = 0;

        foreach (var template in templates.EnumerateArray())
        {
            var templateId = template.GetProperty("id").GetString()!;
            var drafted = await (await officer.PostJsonAsync("/api/dsas", new
            {
                templateId,
                parties = new object[]
                {
                    new { orgId = council, name = "Template Council", role = "both" },
                    new { orgId = partner, name = "Template Partner", role = "both" },
                },
                effectiveFrom = from,
                effectiveTo = from.AddYears(1),
            })).ExpectJsonAsync(HttpStatusCode.Created);

            Assert.Equal(templateId, drafted.GetProperty("templateId").GetString());
            Assert.Equal(template.GetProperty("title").GetString(), drafted.GetProperty("title").GetString());
            Assert.Equal(template.GetProperty("purposes").ToString(), drafted.GetProperty("purposes").ToString());
            foreach (var purpose in drafted.GetProperty("purposes").EnumerateArray())
            {
                foreach (var category in purpose.GetProperty("dataCategories").EnumerateArray().Select(c => c.GetString()!)
                             .Where(c => c.StartsWith("health.", StringComparison.Ordinal) || c.StartsWith("cared-for.", StringComparison.Ordinal)))
                {
                    Assert.False(string.IsNullOrWhiteSpace(purpose.GetProperty("justifications").GetProperty(category).GetString()), $"{templateId}: {category} has no justification");
                }
            }

            // An active agreement for a purpose other stories share (school support, whole-family support)
            // would join what the platform explains for their consents whatever its parties: those stay
            // drafts here (the registry's own suite activates every template in a database of its own).
            if (drafted.GetProperty("purposes").EnumerateArray().Any(p => SharedPurposes.Contains(p.GetProperty("code").GetString())))
            {
                continue;
            }

            var signed = await platform.SignByEveryPartyAsync(drafted.GetProperty("id").GetString()!);
            Assert.Equal("active", signed.GetProperty("status").GetString());
            activated++;
        }

        Assert.True(activated >= 3, $"{activated} templates activated");

        // Review dates: due within 30 days is listed; the templates' drafts, reviewed a year after they took effect, are not.
        var dueSoon = await (await officer.PostJsonAsync("/api/dsas", new
        {
            templateId = "school-support",
            parties = new object[]
            {
                new { orgId = council, name = "Template Council", role = "both" },
                new { orgId = partner, name = "Template Partner", role = "both" },
            },
            effectiveFrom = from,
            effectiveTo = from.AddYears(1),
            reviewBy = DateTimeOffset.UtcNow.AddDays(10),
            dpiaReference = "DPIA-TPL-1",
        })).ExpectJsonAsync(HttpStatusCode.Created);
        var due = await (await officer.GetAsync(new Uri($"/api/dsas?orgId={council}&reviewDue=true", UriKind.Relative), Cancel)).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal([dueSoon.GetProperty("id").GetString()], due.EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal("DPIA-TPL-1", due[0].GetProperty("dpiaReference").GetString());
    }
}
