using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>CheckDsaScope sent over RabbitMQ from another bus, as the disclosure service will send it.</summary>
public sealed class ScopeResponderTests(RegistryFixture fixture)
{
    private readonly Registry registry = new(fixture);

    private CheckDsaScope Request(string purpose = "school-support", params string[] categories) =>
        new(registry.School, registry.LocalAuthority, purpose, categories.Length == 0 ? ["identity.basic", "caring.role"] : categories, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_matching_request_is_covered_by_the_active_dsa_with_its_purpose_terms()
    {
        var dsa = await registry.ActiveAsync();

        var result = await fixture.CheckScopeAsync(Request());

        Assert.True(result.Covered);
        Assert.Equal((dsa.Id, dsa.Version), (result.DsaId, result.DsaVersion));
        Assert.True(result.RequiresConsent);
        Assert.True(result.AllowsSafeguardingOverride);
        Assert.Equal(new LawfulBasis(Article6Basis.Consent, null), result.LawfulBasis);
        Assert.Equal(365, result.RetentionDays);
        Assert.Empty(result.Reasons);
    }

    [Fact]
    public async Task A_party_to_the_active_dsa_is_party_for_its_purpose_and_not_once_it_is_suspended()
    {
        var dsa = await registry.ActiveAsync();
        var question = new CheckDsaParty(registry.School, ["school-support", "gp-carer-register"], DateTimeOffset.UtcNow);

        Assert.Equal(["school-support"], (await fixture.CheckPartyAsync(question)).PartyForPurposes);
        Assert.Empty((await fixture.CheckPartyAsync(question with { OrgId = NewOrg("GP") })).PartyForPurposes);

        using var suspended = await PostAsync(registry.Officer(), $"/api/dsas/{dsa.Id}/suspend", new { reason = "Review of the agreement" });
        Assert.Equal(System.Net.HttpStatusCode.OK, suspended.StatusCode);

        Assert.Empty((await fixture.CheckPartyAsync(question with { At = DateTimeOffset.UtcNow })).PartyForPurposes);
    }

    [Fact]
    public async Task No_active_dsa_when_only_a_draft_exists()
    {
        await registry.DraftAsync();

        Assert.Equal([ReasonCode.NoActiveDsa], (await fixture.CheckScopeAsync(Request())).Reasons);
    }

    [Fact]
    public async Task Requester_not_party_when_the_requester_only_provides()
    {
        var terms = registry.Terms() with
        {
            Parties = [new PartyTerms(registry.LocalAuthority, "Council", "recipient"), new PartyTerms(registry.School, "School", "provider")],
        };
        await registry.ActiveAsync(terms);

        var result = await fixture.CheckScopeAsync(Request());

        Assert.False(result.Covered);
        Assert.Equal([ReasonCode.RequesterNotParty, ReasonCode.HolderNotParty], result.Reasons);
    }

    [Fact]
    public async Task Requester_not_party_when_the_requester_is_not_in_the_dsa()
    {
        await registry.ActiveAsync();

        var result = await fixture.CheckScopeAsync(Request() with { RequesterOrgId = NewOrg("GP") });

        Assert.Equal([ReasonCode.RequesterNotParty], result.Reasons);
    }

    [Fact]
    public async Task Holder_not_party_when_the_holder_is_not_in_the_dsa()
    {
        await registry.ActiveAsync();

        var result = await fixture.CheckScopeAsync(Request() with { HolderOrgId = NewOrg("GP") });

        Assert.Equal([ReasonCode.HolderNotParty], result.Reasons);
    }

    [Fact]
    public async Task Purpose_not_in_dsa()
    {
        await registry.ActiveAsync();

        Assert.Equal([ReasonCode.PurposeNotInDsa], (await fixture.CheckScopeAsync(Request("gp-carer-register"))).Reasons);
    }

    [Fact]
    public async Task Category_out_of_scope()
    {
        await registry.ActiveAsync();

        var result = await fixture.CheckScopeAsync(Request("school-support", "identity.basic", "health.mental"));

        Assert.Equal([ReasonCode.CategoryOutOfScope], result.Reasons);
    }

    [Fact]
    public async Task When_two_active_dsas_cover_the_request_the_latest_effective_from_is_named_and_the_other_listed()
    {
        var older = await registry.ActiveAsync(registry.Terms(DateTimeOffset.UtcNow.AddDays(-30)));
        var newer = await registry.ActiveAsync(registry.Terms(DateTimeOffset.UtcNow.AddDays(-2)));

        var result = await fixture.CheckScopeAsync(Request());

        Assert.Equal(newer.Id, result.DsaId);
        Assert.Equal([older.Id], result.AlsoCoveredBy);
    }

    [Fact]
    public async Task A_suspension_is_seen_by_the_very_next_check_and_a_reinstatement_too()
    {
        var dsa = await registry.ActiveAsync();
        Assert.True((await fixture.CheckScopeAsync(Request())).Covered);

        await PostAsync(registry.Officer(), $"/api/dsas/{dsa.Id}/suspend", new { reason = "Breach" });
        Assert.Equal([ReasonCode.NoActiveDsa], (await fixture.CheckScopeAsync(Request())).Reasons);

        // Reinstated by both parties signing again (issue 17): the last signature reinstates it.
        await registry.SignByEveryPartyAsync(dsa.Id);
        var again = await fixture.CheckScopeAsync(Request());
        Assert.Equal((true, 8L), (again.Covered, again.DsaVersion));
    }
}
