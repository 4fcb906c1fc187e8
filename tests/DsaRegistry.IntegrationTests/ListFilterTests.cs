using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

public sealed class ListFilterTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    [Fact]
    public async Task The_list_filters_by_org_purpose_and_status_combined()
    {
        var uniquePurpose = $"p-{Guid.NewGuid():N}";
        var gp = NewOrg("GP");
        var withGp = Registry.Terms() with
        {
            Parties = [new PartyTerms(Registry.LocalAuthority, "Council", "provider"), new PartyTerms(gp, "Surgery", "recipient")],
            Purposes = [new PurposeTerms(uniquePurpose, "So your GP can note that you are a young carer.", ["identity.basic"], new LawfulBasisTerms("public-task", null), false, false)],
        };
        var schoolDraft = await Registry.DraftAsync();
        var schoolActive = await Registry.ActiveAsync();
        var gpDraft = await Registry.DraftAsync(withGp);
        var reader = Registry.As("Practitioner", gp);

        async Task<IEnumerable<Guid>> IdsAsync(string query)
        {
            var response = await GetAsync(reader, $"/api/dsas?{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await ReadAsync<List<Dsa>>(response)).Select(d => d.Id);
        }

        Assert.Equal([schoolDraft.Id, schoolActive.Id, gpDraft.Id], await IdsAsync($"orgId={Registry.LocalAuthority}"));
        Assert.Equal([gpDraft.Id], await IdsAsync($"orgId={gp}"));
        Assert.Equal([gpDraft.Id], await IdsAsync($"purpose={uniquePurpose}"));
        Assert.Equal([schoolDraft.Id, schoolActive.Id], await IdsAsync($"orgId={Registry.School}&purpose=school-support"));
        Assert.Equal([schoolActive.Id], await IdsAsync($"orgId={Registry.LocalAuthority}&status=active"));
        Assert.Equal([schoolDraft.Id, gpDraft.Id], await IdsAsync($"orgId={Registry.LocalAuthority}&status=draft"));
        Assert.Empty(await IdsAsync($"orgId={gp}&purpose=school-support"));
    }

    [Fact]
    public async Task Malformed_filters_are_400_naming_each()
    {
        var problem = await ProblemAsync(await GetAsync(Registry.Officer(), "/api/dsas?status=live&purpose=Bad%20Code&orgId=a_b"), HttpStatusCode.BadRequest);

        var errors = problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
        Assert.Equal(["orgId", "purpose", "status"], errors);
    }
}
