using static ConsentPlatform.DsaRegistry.Tests.Samples;

namespace ConsentPlatform.DsaRegistry.Tests;

/// <summary>
/// <see cref="DsaScope.Explain"/>: what the agreements covering a consent's purpose say about a
/// share under it (issue 16), the registry's answer to the consent service's explanation.
/// </summary>
public sealed class DsaExplainTests
{
    private const string Gp = "ODS-A81001";

    private static ExplainConsentPurpose Ask(string purpose = "school-support", string[]? recipients = null, string[]? categories = null) =>
        new(purpose, recipients ?? [], categories ?? [], Now);

    private static DsaSnapshot Active(DsaContent? content = null, Guid? id = null, long version = 2) =>
        new(id ?? DsaId, version, DsaStatus.Active, content ?? Content);

    private static DsaContent OneWay => Content with
    {
        Parties = [new DsaParty(LocalAuthority, "Example Council", DsaPartyRole.Provider), new DsaParty(School, "Example School", DsaPartyRole.Recipient)],
    };

    private static PurposeOrganisation Holder(string org, string name) => new(org, name, SharingRole.Holder);

    private static PurposeOrganisation Recipient(string org, string name) => new(org, name, SharingRole.Recipient);

    [Fact]
    public void Given_an_active_dsa_with_the_purpose_When_explained_Then_its_parties_categories_retention_basis_and_the_agreement()
    {
        var result = DsaScope.Explain(Ask(), [Active(OneWay)]);

        Assert.True(result.Covered);
        Assert.Equal("school-support", result.Purpose);
        Assert.Equal(SchoolSupport.Description, result.Description);
        Assert.Equal([Holder(LocalAuthority, "Example Council"), Recipient(School, "Example School")], result.Organisations);
        Assert.Equal(["identity.basic", "caring.role", "education.attendance"], result.DataCategories);
        Assert.Equal(365, result.RetentionDays);
        Assert.Equal(new LawfulBasis(Article6Basis.Consent, null), result.LawfulBasis);
        Assert.Equal([new PurposeAgreement(DsaId, 2, Content.Title, To)], result.Agreements);
        Assert.Equal(Now, result.CheckedAt);
    }

    [Fact]
    public void Given_parties_that_both_provide_and_receive_When_explained_Then_each_is_a_holder_and_a_recipient_holders_first()
    {
        var result = DsaScope.Explain(Ask(), [Active()]);

        Assert.Equal(
            [Holder(LocalAuthority, "Example Council"), Holder(School, "Example School"), Recipient(LocalAuthority, "Example Council"), Recipient(School, "Example School")],
            result.Organisations);
    }

    [Fact]
    public void Given_a_purpose_with_special_category_data_When_explained_Then_the_article_9_condition_comes_with_it()
    {
        var result = DsaScope.Explain(Ask("whole-family-support"), [Active()]);

        Assert.Equal(new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare), result.LawfulBasis);
        Assert.Contains("cared-for.condition", result.DataCategories);
    }

    [Fact]
    public void Given_no_dsa_When_explained_Then_not_covered_and_nothing_is_shown()
    {
        var result = DsaScope.Explain(Ask(), []);

        Assert.Equal(PurposeExplanation.NotCovered("school-support", Now), result with { Organisations = [], DataCategories = [], Agreements = [] });
        Assert.False(result.Covered);
        Assert.Empty(result.Organisations);
        Assert.Empty(result.DataCategories);
        Assert.Empty(result.Agreements);
        Assert.Null(result.RetentionDays);
        Assert.Null(result.LawfulBasis);
        Assert.Null(result.Description);
    }

    [Theory]
    [InlineData(DsaStatus.Draft)]
    [InlineData(DsaStatus.Suspended)]
    [InlineData(DsaStatus.Terminated)]
    public void Given_a_dsa_that_is_not_active_When_explained_Then_not_covered(DsaStatus status)
    {
        Assert.False(DsaScope.Explain(Ask(), [Active() with { Status = status }]).Covered);
    }

    [Fact]
    public void Given_an_active_dsa_outside_its_window_When_explained_Then_not_covered()
    {
        Assert.False(DsaScope.Explain(Ask() with { At = To }, [Active()]).Covered);
        Assert.False(DsaScope.Explain(Ask() with { At = From.AddTicks(-1) }, [Active()]).Covered);
    }

    [Fact]
    public void Given_an_active_dsa_without_the_purpose_When_explained_Then_not_covered()
    {
        Assert.False(DsaScope.Explain(Ask("gp-carer-register"), [Active()]).Covered);
    }

    [Fact]
    public void Given_a_consent_naming_recipients_When_explained_Then_only_those_recipients_are_shown_and_every_holder()
    {
        var result = DsaScope.Explain(Ask(recipients: [School]), [Active()]);

        Assert.Equal(
            [Holder(LocalAuthority, "Example Council"), Holder(School, "Example School"), Recipient(School, "Example School")],
            result.Organisations);
    }

    [Fact]
    public void Given_a_consent_naming_categories_When_explained_Then_only_those_in_the_purpose_are_shown()
    {
        var result = DsaScope.Explain(Ask(categories: ["caring.role", "health.mental"]), [Active()]);

        Assert.Equal(["caring.role"], result.DataCategories);
    }

    [Fact]
    public void Given_a_consent_naming_only_recipients_outside_the_dsa_When_explained_Then_not_covered()
    {
        Assert.False(DsaScope.Explain(Ask(recipients: [Gp]), [Active()]).Covered);
    }

    [Fact]
    public void Given_a_consent_naming_a_holder_only_party_as_recipient_When_explained_Then_not_covered()
    {
        Assert.False(DsaScope.Explain(Ask(recipients: [LocalAuthority]), [Active(OneWay)]).Covered);
    }

    [Fact]
    public void Given_a_consent_naming_only_categories_outside_the_purpose_When_explained_Then_not_covered()
    {
        Assert.False(DsaScope.Explain(Ask(categories: ["health.mental"]), [Active()]).Covered);
    }

    [Fact]
    public void Given_two_dsas_for_the_purpose_When_explained_Then_both_agreements_in_precedence_order_the_longest_retention_and_the_first_ones_terms()
    {
        var olderId = Guid.Parse("0196b0c0-0000-7000-8000-000000000002");
        var older = Content with
        {
            Title = "GP and council",
            EffectiveFrom = From.AddDays(-30),
            RetentionDays = 730,
            Parties = [new DsaParty(LocalAuthority, "Council (old name)", DsaPartyRole.Provider), new DsaParty(Gp, "Hill Surgery", DsaPartyRole.Recipient)],
            Purposes = [Content.PurposeOf("school-support")! with { Description = "The older wording of the purpose.", DataCategories = ["caring.hours", "caring.role"] }],
        };

        var result = DsaScope.Explain(Ask(), [Active(older, olderId, 5), Active()]);

        Assert.Equal([DsaId, olderId], result.Agreements.Select(a => a.DsaId));
        Assert.Equal(730, result.RetentionDays);
        Assert.Equal(SchoolSupport.Description, result.Description);
        Assert.Equal(["identity.basic", "caring.role", "education.attendance", "caring.hours"], result.DataCategories);
        // A party in both is named once per role, with the name the first agreement gives it.
        Assert.Equal(
            [
                Holder(LocalAuthority, "Example Council"), Holder(School, "Example School"),
                Recipient(LocalAuthority, "Example Council"), Recipient(School, "Example School"), Recipient(Gp, "Hill Surgery"),
            ],
            result.Organisations);
    }

    [Fact]
    public void Given_two_dsas_one_of_which_cannot_reach_the_named_recipient_When_explained_Then_only_the_other_is_shown()
    {
        var other = Content with
        {
            Parties = [new DsaParty(LocalAuthority, "Example Council", DsaPartyRole.Provider), new DsaParty(Gp, "Hill Surgery", DsaPartyRole.Recipient)],
            RetentionDays = 730,
        };

        var result = DsaScope.Explain(Ask(recipients: [School]), [Active(), Active(other, Guid.NewGuid())]);

        Assert.Equal([DsaId], result.Agreements.Select(a => a.DsaId));
        Assert.Equal(365, result.RetentionDays);
        Assert.DoesNotContain(result.Organisations, o => o.OrgId == Gp);
    }

    [Fact]
    public void Given_the_same_agreements_in_any_order_When_explained_Then_the_same_answer()
    {
        var second = Active(Content with { EffectiveFrom = From, Title = "Second" }, Guid.Parse("0196b0c0-0000-7000-8000-000000000000"));

        var one = DsaScope.Explain(Ask(), [Active(), second]);
        var other = DsaScope.Explain(Ask(), [second, Active()]);

        Assert.Equal(one.Agreements, other.Agreements);
        Assert.Equal(one.Organisations, other.Organisations);
        Assert.Equal(one.DataCategories, other.DataCategories);
        Assert.Equal(second.DsaId, one.Agreements[0].DsaId); // same effectiveFrom: the lowest id first
    }
}
