using static ConsentPlatform.DsaRegistry.Tests.Samples;

namespace ConsentPlatform.DsaRegistry.Tests;

/// <summary>
/// <see cref="DsaScope.PartyFor"/>: for which purposes is an organisation party to an active
/// agreement in its window? The consent service's answer to "may this practitioner see a consent
/// that names no recipients" rests on it.
/// </summary>
public sealed class DsaPartyTests
{
    private static CheckDsaParty Ask(string org, params string[] purposes) => new(org, purposes, Now);

    private static DsaSnapshot With(DsaStatus status, DsaContent? content = null) => new(DsaId, 2, status, content ?? Content);

    [Fact]
    public void Given_an_active_dsa_When_a_party_asks_for_its_purpose_Then_it_is_party_for_it()
    {
        var result = DsaScope.PartyFor(Ask(School, "school-support"), [With(DsaStatus.Active)]);

        Assert.Equal(["school-support"], result.PartyForPurposes);
        Assert.Equal((School, Now), (result.OrgId, result.CheckedAt));
    }

    [Fact]
    public void Given_an_active_dsa_When_asked_for_no_purpose_Then_none_and_only_an_explicit_any_purpose_lists_them_all()
    {
        // Issue 20: an empty list never widens the answer; "any purpose" is a question of its own.
        Assert.Empty(DsaScope.PartyFor(Ask(School), [With(DsaStatus.Active)]).PartyForPurposes);
        Assert.Equal(
            Content.Purposes.Select(p => p.Code).Order(StringComparer.Ordinal),
            DsaScope.PartyFor(Ask(School) with { AnyPurpose = true }, [With(DsaStatus.Active)]).PartyForPurposes);
        Assert.Empty(DsaScope.PartyFor(Ask("URN-STRANGER") with { AnyPurpose = true }, [With(DsaStatus.Active)]).PartyForPurposes);
    }

    [Fact]
    public void Given_an_active_dsa_When_a_party_asks_for_a_purpose_it_does_not_contain_Then_not_party_for_it()
    {
        Assert.Empty(DsaScope.PartyFor(Ask(LocalAuthority, "gp-carer-register"), [With(DsaStatus.Active)]).PartyForPurposes);
    }

    [Fact]
    public void Given_an_active_dsa_When_an_organisation_outside_it_asks_Then_not_party()
    {
        Assert.Empty(DsaScope.PartyFor(Ask(Stranger, "school-support"), [With(DsaStatus.Active)]).PartyForPurposes);
    }

    [Theory]
    [InlineData(DsaStatus.Draft)]
    [InlineData(DsaStatus.Suspended)]
    [InlineData(DsaStatus.Terminated)]
    public void Given_a_dsa_that_is_not_active_When_a_party_asks_Then_not_party(DsaStatus status)
    {
        Assert.Empty(DsaScope.PartyFor(Ask(School, "school-support"), [With(status)]).PartyForPurposes);
    }

    [Fact]
    public void Given_an_active_dsa_outside_its_window_When_a_party_asks_Then_not_party()
    {
        var ended = Content with { EffectiveFrom = From, EffectiveTo = Now };

        Assert.Empty(DsaScope.PartyFor(Ask(School, "school-support"), [With(DsaStatus.Active, ended)]).PartyForPurposes);
    }

    [Fact]
    public void Given_a_provider_only_party_When_it_asks_Then_it_is_party_whatever_its_role()
    {
        var oneWay = Content with
        {
            Parties = [new DsaParty(LocalAuthority, "Council", DsaPartyRole.Provider), new DsaParty(School, "School", DsaPartyRole.Recipient)],
        };

        Assert.Equal(["school-support"], DsaScope.PartyFor(Ask(LocalAuthority, "school-support"), [With(DsaStatus.Active, oneWay)]).PartyForPurposes);
    }

    [Fact]
    public void Given_two_dsas_with_the_same_purpose_When_asked_for_several_purposes_Then_each_covered_purpose_once_in_order()
    {
        var second = new DsaSnapshot(Guid.NewGuid(), 1, DsaStatus.Active, Content);

        var result = DsaScope.PartyFor(Ask(School, "zz-not-there", "school-support", "school-support"), [With(DsaStatus.Active), second]);

        Assert.Equal(["school-support"], result.PartyForPurposes);
    }
}
