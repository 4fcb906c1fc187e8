using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>CheckDsaScope sent over RabbitMQ from another bus, as the disclosure service will send it.</summary>
public sealed class ScopeResponderTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    private CheckDsaScope Request(string purpose = "school-support", params string[] categories) =>
        new(Registry.School, Registry.LocalAuthority, purpose, categories.Length == 0 ? ["identity.basic", "caring.role"] : categories, DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_matching_request_is_covered_by_the_active_dsa_with_its_purpose_terms()
    {
        var dsa = await Registry.ActiveAsync();

        var result = await Fixture.CheckScopeAsync(Request());

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
        var dsa = await Registry.ActiveAsync();
        var question = new CheckDsaParty(Registry.School, ["school-support", "gp-carer-register"], DateTimeOffset.UtcNow);

        Assert.Equal(["school-support"], (await Fixture.CheckPartyAsync(question)).PartyForPurposes);
        Assert.Empty((await Fixture.CheckPartyAsync(question with { OrgId = NewOrg("GP") })).PartyForPurposes);

        using var suspended = await PostAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}/suspend", new { reason = "Review of the agreement" });
        Assert.Equal(System.Net.HttpStatusCode.OK, suspended.StatusCode);

        Assert.Empty((await Fixture.CheckPartyAsync(question with { At = DateTimeOffset.UtcNow })).PartyForPurposes);
    }

    [Fact]
    public async Task No_active_dsa_when_only_a_draft_exists()
    {
        await Registry.DraftAsync();

        Assert.Equal([ReasonCode.NoActiveDsa], (await Fixture.CheckScopeAsync(Request())).Reasons);
    }

    [Fact]
    public async Task Requester_not_party_when_the_requester_only_provides()
    {
        var terms = Registry.Terms() with
        {
            Parties = [new PartyTerms(Registry.LocalAuthority, "Council", "recipient"), new PartyTerms(Registry.School, "School", "provider")],
        };
        await Registry.ActiveAsync(terms);

        var result = await Fixture.CheckScopeAsync(Request());

        Assert.False(result.Covered);
        Assert.Equal([ReasonCode.RequesterNotParty, ReasonCode.HolderNotParty], result.Reasons);
    }

    [Fact]
    public async Task Requester_not_party_when_the_requester_is_not_in_the_dsa()
    {
        await Registry.ActiveAsync();

        var result = await Fixture.CheckScopeAsync(Request() with { RequesterOrgId = NewOrg("GP") });

        Assert.Equal([ReasonCode.RequesterNotParty], result.Reasons);
    }

    [Fact]
    public async Task Holder_not_party_when_the_holder_is_not_in_the_dsa()
    {
        await Registry.ActiveAsync();

        var result = await Fixture.CheckScopeAsync(Request() with { HolderOrgId = NewOrg("GP") });

        Assert.Equal([ReasonCode.HolderNotParty], result.Reasons);
    }

    [Fact]
    public async Task Purpose_not_in_dsa()
    {
        await Registry.ActiveAsync();

        Assert.Equal([ReasonCode.PurposeNotInDsa], (await Fixture.CheckScopeAsync(Request("gp-carer-register"))).Reasons);
    }

    [Fact]
    public async Task Category_out_of_scope()
    {
        await Registry.ActiveAsync();

        var result = await Fixture.CheckScopeAsync(Request("school-support", "identity.basic", "health.mental"));

        Assert.Equal([ReasonCode.CategoryOutOfScope], result.Reasons);
    }

    [Fact]
    public async Task When_two_active_dsas_cover_the_request_the_latest_effective_from_is_named_and_the_other_listed()
    {
        var older = await Registry.ActiveAsync(Registry.Terms(DateTimeOffset.UtcNow.AddDays(-30)));
        var newer = await Registry.ActiveAsync(Registry.Terms(DateTimeOffset.UtcNow.AddDays(-2)));

        var result = await Fixture.CheckScopeAsync(Request());

        Assert.Equal(newer.Id, result.DsaId);
        Assert.Equal([older.Id], result.AlsoCoveredBy);
    }

    [Fact]
    public async Task A_suspension_is_seen_by_the_very_next_check_and_a_reinstatement_too()
    {
        var dsa = await Registry.ActiveAsync();
        Assert.True((await Fixture.CheckScopeAsync(Request())).Covered);

        await PostAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}/suspend", new { reason = "Breach" });
        Assert.Equal([ReasonCode.NoActiveDsa], (await Fixture.CheckScopeAsync(Request())).Reasons);

        // Reinstated by both parties signing again (issue 17): the last signature reinstates it.
        await Registry.SignByEveryPartyAsync(dsa.Id);
        var again = await Fixture.CheckScopeAsync(Request());
        Assert.Equal((true, 8L), (again.Covered, again.DsaVersion));
    }
}
