using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// Issue 17, parts 2 and 3 over HTTP: the templates an IG officer drafts from, each of which
/// becomes an active agreement unchanged once every party signs, and the justification per item
/// that special category and family members' data cannot go without.
/// </summary>
public sealed class TemplateAndJustificationTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    public static TheoryData<string> TemplateIds => [.. DsaTemplates.All.Select(t => t.Id)];

    private DsaTerms FromTemplate(string id) => new(
        null,
        [new PartyTerms(Registry.LocalAuthority, "Example Council", "both"), new PartyTerms(Registry.School, "Example School", "both")],
        null, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1), null, TemplateId: id);

    [Fact]
    public async Task An_IG_officer_lists_the_templates_with_their_legal_sources_and_justifications_and_nobody_else_may()
    {
        using var response = await GetAsync(Registry.Officer(), "/api/dsas/templates");
        var templates = await ReadAsync<JsonElement>(response);

        Assert.Equal(DsaTemplates.All.Select(t => t.Id), templates.EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        var needs = templates.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "young-carers-needs-assessment");
        Assert.Contains(needs.GetProperty("legalSources").EnumerateArray(), s => s.GetString()!.Contains("17ZA", StringComparison.Ordinal));
        Assert.False(string.IsNullOrWhiteSpace(needs.GetProperty("purposes")[0].GetProperty("justifications").GetProperty("health.mental").GetString()));
        Assert.Equal("recipient", needs.GetProperty("parties")[1].GetProperty("role").GetString());

        foreach (var role in new[] { PlatformRoles.Practitioner, PlatformRoles.SafeguardingLead, PlatformRoles.Auditor, PlatformRoles.YoungCarer })
        {
            await ProblemAsync(await GetAsync(Registry.As(role, Registry.LocalAuthority, role == PlatformRoles.YoungCarer ? "yc-t" : null), "/api/dsas/templates"), HttpStatusCode.Forbidden);
        }
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public async Task A_DSA_drafted_from_each_template_keeps_it_unchanged_and_becomes_active_when_every_party_signs(string id)
    {
        var template = DsaTemplates.Find(id)!;

        var drafted = await Registry.DraftAsync(FromTemplate(id));

        Assert.Equal((id, template.Title, template.RetentionDays, DsaStatus.Draft), (drafted.TemplateId, drafted.Title, drafted.RetentionDays, drafted.Status));
        Assert.Equal(Shape(template.Purposes), Shape(drafted.Purposes));
        var active = await Registry.SignByEveryPartyAsync(drafted.Id);
        Assert.Equal(DsaStatus.Active, active.Status);
        Assert.All(
            active.Purposes.SelectMany(p => p.DataCategories.Where(DsaTermsValidation.IsSpecialCategory).Select(c => p.JustificationFor(c))),
            why => Assert.False(string.IsNullOrWhiteSpace(why)));
    }

    [Fact]
    public async Task A_draft_from_a_template_stays_editable_and_an_amendment_keeps_where_it_came_from()
    {
        var drafted = await Registry.DraftAsync(FromTemplate("school-support") with { Title = "Our school and the council" });
        var terms = DsaTerms.From(new DsaContent(drafted.Title, drafted.Parties, drafted.Purposes, drafted.EffectiveFrom, drafted.EffectiveTo, drafted.RetentionDays));

        var amended = await ReadAsync<Dsa>(await PutAsync(Registry.Officer(), $"/api/dsas/{drafted.Id}", terms with { RetentionDays = 60 }));

        Assert.Equal(("Our school and the council", 60, "school-support"), (amended.Title, amended.RetentionDays, amended.TemplateId));
    }

    [Fact]
    public async Task An_unknown_template_is_400_naming_templateId_and_stores_nothing()
    {
        var problem = await ProblemAsync(await PostAsync(Registry.Officer(), "/api/dsas", FromTemplate("no-such-template")), HttpStatusCode.BadRequest);

        Assert.Contains("GET /api/dsas/templates", problem.GetProperty("errors").GetProperty("templateId")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty(await ReadAsync<List<Dsa>>(await GetAsync(Registry.Officer(), $"/api/dsas?orgId={Registry.LocalAuthority}")));
    }

    [Fact]
    public async Task Family_members_data_without_a_justification_is_400_naming_the_item_and_with_one_it_is_kept_and_shown()
    {
        var terms = Registry.Terms();
        var family = terms.Purposes![1]!;
        var unjustified = terms with { Purposes = [terms.Purposes[0], family with { Justifications = null }] };

        var problem = await ProblemAsync(await PostAsync(Registry.Officer(), "/api/dsas", unjustified), HttpStatusCode.BadRequest);
        Assert.Equal(["purposes[1].justifications[cared-for.condition]"], problem.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        Assert.Empty(await ReadAsync<List<Dsa>>(await GetAsync(Registry.Officer(), $"/api/dsas?orgId={Registry.LocalAuthority}")));

        var drafted = await Registry.DraftAsync(terms);
        var read = await ReadAsync<Dsa>(await GetAsync(Registry.As(PlatformRoles.Practitioner, Registry.School), $"/api/dsas/{drafted.Id}"));
        Assert.Equal(family.Justifications!["cared-for.condition"], read.Purposes.Single(p => p.Code == "whole-family-support").JustificationFor("cared-for.condition"));
    }

    [Fact]
    public async Task The_openapi_document_declares_the_templates_route_with_a_summary_and_its_403()
    {
        using var client = Fixture.Host.CreateClient();

        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), Cancel));

        var operation = json.RootElement.GetProperty("paths").GetProperty("/api/dsas/templates").GetProperty("get");
        Assert.Equal("ListDsaTemplates", operation.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
        Assert.True(operation.GetProperty("responses").TryGetProperty("403", out _));
    }

    /// <summary>
    /// Purposes compared by value (the records hold lists), justifications in key order: PostgreSQL's
    /// jsonb keeps an object's keys in its own order, and the order of a map means nothing.
    /// </summary>
    private static string Shape(IEnumerable<DsaPurpose> purposes) => JsonSerializer.Serialize(
        purposes.Select(p => p with { Justifications = p.Justifications?.OrderBy(j => j.Key, StringComparer.Ordinal).ToDictionary(StringComparer.Ordinal) }),
        Json);
}
