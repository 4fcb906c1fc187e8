using static ConsentPlatform.DsaRegistry.Tests.Samples;

namespace ConsentPlatform.DsaRegistry.Tests;

public sealed class DsaScopeTests
{
    private static readonly CheckDsaScope Matching = new(School, LocalAuthority, "school-support", ["identity.basic", "caring.role"], Now);

    private static DsaSnapshot Active(DsaContent? content = null, Guid? id = null, long version = 2) =>
        new(id ?? DsaId, version, DsaStatus.Active, content ?? Content);

    private static DsaContent OneWay => Content with
    {
        Parties = [new DsaParty(LocalAuthority, "Council", DsaPartyRole.Provider), new DsaParty(School, "School", DsaPartyRole.Recipient)],
    };

    [Fact]
    public void Given_an_active_dsa_covering_the_request_When_checked_Then_covered_with_the_purpose_terms()
    {
        var result = DsaScope.Check(Matching, [Active()]);

        Assert.True(result.Covered);
        Assert.Equal((DsaId, 2L), (result.DsaId, result.DsaVersion));
        Assert.True(result.RequiresConsent);
        Assert.True(result.AllowsSafeguardingOverride);
        Assert.Equal(new LawfulBasis(Article6Basis.Consent, null), result.LawfulBasis);
        Assert.Equal(365, result.RetentionDays);
        Assert.Empty(result.Reasons);
        Assert.Empty(result.AlsoCoveredBy);
        Assert.Equal(Now, result.CheckedAt);
    }

    [Fact]
    public void Given_no_dsa_When_checked_Then_no_active_dsa()
    {
        var result = DsaScope.Check(Matching, []);

        Assert.False(result.Covered);
        Assert.Null(result.DsaId);
        Assert.Equal([ReasonCode.NoActiveDsa], result.Reasons);
    }

    [Theory]
    [InlineData(DsaStatus.Draft)]
    [InlineData(DsaStatus.Suspended)]
    [InlineData(DsaStatus.Terminated)]
    public void Given_a_matching_dsa_that_is_not_active_When_checked_Then_no_active_dsa(DsaStatus status)
    {
        Assert.Equal([ReasonCode.NoActiveDsa], DsaScope.Check(Matching, [Active() with { Status = status }]).Reasons);
    }

    [Fact]
    public void Given_an_active_dsa_outside_its_window_When_checked_Then_no_active_dsa()
    {
        Assert.Equal([ReasonCode.NoActiveDsa], DsaScope.Check(Matching with { At = To }, [Active()]).Reasons);
        Assert.Equal([ReasonCode.NoActiveDsa], DsaScope.Check(Matching with { At = From.AddTicks(-1) }, [Active()]).Reasons);
    }

    [Fact]
    public void Given_an_active_dsa_at_the_first_instant_of_its_window_When_checked_Then_covered()
    {
        Assert.True(DsaScope.Check(Matching with { At = From }, [Active()]).Covered);
    }

    [Fact]
    public void Given_an_active_dsa_between_other_orgs_only_When_checked_Then_no_active_dsa()
    {
        Assert.Equal([ReasonCode.NoActiveDsa], DsaScope.Check(Matching with { RequesterOrgId = "A1", HolderOrgId = "B2" }, [Active()]).Reasons);
    }

    [Fact]
    public void Given_a_requester_that_only_provides_When_checked_Then_requester_not_party()
    {
        var result = DsaScope.Check(Matching with { RequesterOrgId = LocalAuthority, HolderOrgId = School }, [Active(OneWay)]);

        Assert.Equal([ReasonCode.RequesterNotParty, ReasonCode.HolderNotParty], result.Reasons);
    }

    [Fact]
    public void Given_a_requester_outside_the_dsa_When_checked_Then_requester_not_party()
    {
        Assert.Equal([ReasonCode.RequesterNotParty], DsaScope.Check(Matching with { RequesterOrgId = Stranger }, [Active()]).Reasons);
    }

    [Fact]
    public void Given_a_holder_outside_the_dsa_When_checked_Then_holder_not_party()
    {
        Assert.Equal([ReasonCode.HolderNotParty], DsaScope.Check(Matching with { HolderOrgId = Stranger }, [Active()]).Reasons);
    }

    [Fact]
    public void Given_a_purpose_not_in_the_dsa_When_checked_Then_purpose_not_in_dsa()
    {
        Assert.Equal([ReasonCode.PurposeNotInDsa], DsaScope.Check(Matching with { Purpose = "gp-carer-register" }, [Active()]).Reasons);
    }

    [Fact]
    public void Given_a_category_outside_the_purpose_When_checked_Then_category_out_of_scope()
    {
        var result = DsaScope.Check(Matching with { DataCategories = ["identity.basic", "health.mental"] }, [Active()]);

        Assert.False(result.Covered);
        Assert.Equal([ReasonCode.CategoryOutOfScope], result.Reasons);
    }

    [Fact]
    public void Given_an_empty_category_list_When_checked_Then_category_out_of_scope()
    {
        Assert.Equal([ReasonCode.CategoryOutOfScope], DsaScope.Check(Matching with { DataCategories = [] }, [Active()]).Reasons);
    }

    [Fact]
    public void Given_every_rule_broken_at_once_When_checked_Then_every_reason_in_order()
    {
        var result = DsaScope.Check(new CheckDsaScope(LocalAuthority, School, "unknown", ["x"], Now), [Active(OneWay)]);

        Assert.Equal([ReasonCode.RequesterNotParty, ReasonCode.HolderNotParty, ReasonCode.PurposeNotInDsa], result.Reasons);
    }

    [Fact]
    public void Given_several_covering_dsas_When_checked_Then_the_latest_effective_from_wins_and_the_others_are_named()
    {
        var older = Active(id: Guid.Parse("00000000-0000-0000-0000-00000000000a"));
        var newer = Active(Content with { EffectiveFrom = From.AddDays(10) }, Guid.Parse("00000000-0000-0000-0000-00000000000f"), 7);

        var result = DsaScope.Check(Matching, [older, newer]);

        Assert.Equal((newer.DsaId, 7L), (result.DsaId, result.DsaVersion));
        Assert.Equal([older.DsaId], result.AlsoCoveredBy);
    }

    [Fact]
    public void Given_several_covering_dsas_from_the_same_day_When_checked_Then_the_lowest_id_wins_whatever_the_order()
    {
        var a = Active(id: Guid.Parse("00000000-0000-0000-0000-00000000000a"));
        var b = Active(id: Guid.Parse("00000000-0000-0000-0000-00000000000b"));

        Assert.Equal(a.DsaId, DsaScope.Check(Matching, [b, a]).DsaId);
        Assert.Equal(a.DsaId, DsaScope.Check(Matching, [a, b]).DsaId);
    }

    [Fact]
    public void Given_one_failing_and_one_covering_dsa_When_checked_Then_covered_by_the_second()
    {
        var narrow = Active(Content with { EffectiveFrom = From.AddDays(10), Purposes = [Content.Purposes[1]] }, Guid.NewGuid());
        var wide = Active(id: Guid.NewGuid());

        Assert.Equal(wide.DsaId, DsaScope.Check(Matching, [narrow, wide]).DsaId);
    }

    [Fact]
    public void Given_two_failing_dsas_When_checked_Then_the_reasons_of_the_nearest_are_given()
    {
        var withoutPurpose = Active(Content with { EffectiveFrom = From.AddDays(10), Purposes = [Content.Purposes[1]] }, Guid.NewGuid());
        var oneWay = Active(OneWay, Guid.NewGuid());

        var result = DsaScope.Check(Matching with { RequesterOrgId = LocalAuthority, HolderOrgId = School }, [oneWay, withoutPurpose]);

        Assert.Equal([ReasonCode.PurposeNotInDsa], result.Reasons);
    }
}
