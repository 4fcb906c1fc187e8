using static ConsentPlatform.DsaRegistry.Tests.Samples;

namespace ConsentPlatform.DsaRegistry.Tests;

public sealed class DsaTermsValidationTests
{
    private static IReadOnlyDictionary<string, string[]> When(DsaTerms terms) => DsaTermsValidation.Validate(terms);

    private static DsaTerms WithPurpose(PurposeTerms purpose) => Terms with { Purposes = [purpose] };

    private static DsaTerms WithParties(params PartyTerms?[] parties) => Terms with { Parties = parties };

    [Fact]
    public void Given_the_sample_terms_When_validated_Then_no_errors()
    {
        Assert.Empty(When(Terms));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Given_no_title_Then_title_error(string? title)
    {
        Assert.Equal(["title"], When(Terms with { Title = title }).Keys);
    }

    [Fact]
    public void Given_no_parties_Then_parties_error()
    {
        Assert.Equal(["parties"], When(Terms with { Parties = [] }).Keys);
    }

    [Fact]
    public void Given_only_providers_Then_a_recipient_is_required()
    {
        var errors = When(WithParties(new PartyTerms(LocalAuthority, "Council", "provider"), new PartyTerms(School, "School", "provider")));

        Assert.Contains(errors["parties"], m => m.Contains("recipient", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_only_recipients_Then_a_provider_is_required()
    {
        var errors = When(WithParties(new PartyTerms(LocalAuthority, "Council", "recipient"), new PartyTerms(School, "School", "recipient")));

        Assert.Contains(errors["parties"], m => m.Contains("provider", StringComparison.Ordinal));
    }

    [Fact]
    public void Given_a_single_party_with_role_both_Then_it_counts_as_provider_and_recipient()
    {
        Assert.Empty(When(WithParties(new PartyTerms(LocalAuthority, "Council", "both"))));
    }

    [Fact]
    public void Given_a_provider_and_a_recipient_Then_valid()
    {
        Assert.Empty(When(WithParties(new PartyTerms(LocalAuthority, "Council", "provider"), new PartyTerms(School, "School", "recipient"))));
    }

    [Fact]
    public void Given_the_same_org_twice_Then_the_second_is_named()
    {
        var errors = When(WithParties(new PartyTerms(LocalAuthority, "Council", "provider"), new PartyTerms(LocalAuthority, "Council again", "recipient")));

        Assert.Equal(["parties[1].orgId"], errors.Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("has space")]
    [InlineData("x_y")]
    public void Given_a_malformed_org_id_Then_org_id_error(string? orgId)
    {
        Assert.Contains("parties[0].orgId", When(WithParties(new PartyTerms(orgId, "Council", "both"), new PartyTerms(School, "School", "both"))).Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Provider")]
    [InlineData("owner")]
    public void Given_an_unknown_role_Then_role_error(string? role)
    {
        Assert.Contains("parties[1].role", When(WithParties(new PartyTerms(LocalAuthority, "Council", "both"), new PartyTerms(School, "School", role))).Keys);
    }

    [Fact]
    public void Given_a_party_without_a_name_Then_name_error()
    {
        Assert.Equal(["parties[0].name"], When(WithParties(new PartyTerms(LocalAuthority, " ", "both"), new PartyTerms(School, "School", "both"))).Keys);
    }

    [Fact]
    public void Given_a_null_party_Then_that_party_is_named()
    {
        Assert.Contains("parties[1]", When(WithParties(new PartyTerms(LocalAuthority, "Council", "both"), null)).Keys);
    }

    [Fact]
    public void Given_no_purposes_Then_purposes_error()
    {
        Assert.Equal(["purposes"], When(Terms with { Purposes = null }).Keys);
    }

    [Fact]
    public void Given_the_same_purpose_code_twice_Then_the_second_is_named()
    {
        Assert.Equal(["purposes[1].code"], When(Terms with { Purposes = [SchoolSupport, SchoolSupport] }).Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("School-Support")]
    [InlineData("school support")]
    public void Given_a_malformed_purpose_code_Then_code_error(string? code)
    {
        Assert.Equal(["purposes[0].code"], When(WithPurpose(SchoolSupport with { Code = code })).Keys);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Too short to read.")]
    [InlineData("   nineteen chars    ")]
    public void Given_a_description_under_20_characters_Then_description_error(string? description)
    {
        Assert.Equal(["purposes[0].description"], When(WithPurpose(SchoolSupport with { Description = description })).Keys);
    }

    [Fact]
    public void Given_a_description_of_exactly_20_characters_Then_valid()
    {
        Assert.Empty(When(WithPurpose(SchoolSupport with { Description = "Twenty characters ok" })));
    }

    [Fact]
    public void Given_no_categories_Then_categories_error()
    {
        Assert.Equal(["purposes[0].dataCategories"], When(WithPurpose(SchoolSupport with { DataCategories = [] })).Keys);
    }

    [Fact]
    public void Given_a_malformed_or_repeated_category_Then_each_is_named()
    {
        var errors = When(WithPurpose(SchoolSupport with { DataCategories = ["caring.role", "Caring Role", "caring.role", null] }));

        Assert.Equal(["purposes[0].dataCategories[1]", "purposes[0].dataCategories[2]", "purposes[0].dataCategories[3]"], errors.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("public_task")]
    [InlineData("Consent")]
    [InlineData("special-reasons")]
    public void Given_an_article_6_basis_not_in_the_UK_GDPR_list_Then_article6_error(string? article6)
    {
        Assert.Equal(["purposes[0].lawfulBasis.article6"], When(WithPurpose(SchoolSupport with { LawfulBasis = new LawfulBasisTerms(article6, null), RequiresConsent = true })).Keys);
    }

    [Theory]
    [InlineData("consent")]
    [InlineData("contract")]
    [InlineData("legal-obligation")]
    [InlineData("vital-interests")]
    [InlineData("public-task")]
    [InlineData("legitimate-interests")]
    public void Given_each_article_6_basis_Then_valid(string article6)
    {
        Assert.Empty(When(WithPurpose(SchoolSupport with { LawfulBasis = new LawfulBasisTerms(article6, null), RequiresConsent = true })));
    }

    [Fact]
    public void Given_no_lawful_basis_Then_article6_error()
    {
        Assert.Equal(["purposes[0].lawfulBasis.article6"], When(WithPurpose(SchoolSupport with { LawfulBasis = null })).Keys);
    }

    [Theory]
    [InlineData("health.mental")]
    [InlineData("cared-for.condition")]
    public void Given_a_special_category_without_an_article_9_condition_Then_article9_error(string category)
    {
        var purpose = SchoolSupport with { DataCategories = ["caring.role", category], Justifications = Justified(category) };

        Assert.Equal(["purposes[0].lawfulBasis.article9"], When(WithPurpose(purpose)).Keys);
    }

    [Fact]
    public void Given_a_special_category_with_an_article_9_condition_Then_valid()
    {
        var purpose = SchoolSupport with { DataCategories = ["health.mental"], LawfulBasis = new LawfulBasisTerms("consent", "explicit-consent"), Justifications = Justified("health.mental") };

        Assert.Empty(When(WithPurpose(purpose)));
    }

    [Theory]
    [InlineData("health.mental")]
    [InlineData("cared-for.condition")]
    public void Given_special_category_or_family_data_without_a_justification_Then_that_item_is_named(string category)
    {
        var purpose = SchoolSupport with { DataCategories = ["caring.role", category], LawfulBasis = new LawfulBasisTerms("consent", "explicit-consent") };

        Assert.Equal([$"purposes[0].justifications[{category}]"], When(WithPurpose(purpose)).Keys);
    }

    [Fact]
    public void Given_a_blank_justification_for_special_category_data_Then_it_counts_as_none()
    {
        var purpose = SchoolSupport with
        {
            DataCategories = ["health.mental"],
            LawfulBasis = new LawfulBasisTerms("consent", "explicit-consent"),
            Justifications = new Dictionary<string, string?> { ["health.mental"] = "   " },
        };

        Assert.Equal(["purposes[0].justifications[health.mental]"], When(WithPurpose(purpose)).Keys);
    }

    [Fact]
    public void Given_ordinary_data_without_a_justification_Then_valid()
    {
        Assert.Empty(When(WithPurpose(SchoolSupport with { Justifications = null })));
    }

    [Fact]
    public void Given_a_justification_for_a_category_the_purpose_does_not_carry_Then_it_is_named()
    {
        var purpose = SchoolSupport with { Justifications = Justified("caring.hours") };

        Assert.Equal(["purposes[0].justifications[caring.hours]"], When(WithPurpose(purpose)).Keys);
    }

    [Theory]
    [InlineData("Needed.")]
    [InlineData("Has a \u0000 control character in it, long enough")]
    public void Given_a_justification_too_short_or_with_a_control_character_Then_it_is_named(string justification)
    {
        var purpose = SchoolSupport with
        {
            Justifications = new Dictionary<string, string?> { ["caring.role"] = System.Text.RegularExpressions.Regex.Unescape(justification) },
        };

        Assert.Equal(["purposes[0].justifications[caring.role]"], When(WithPurpose(purpose)).Keys);
    }

    [Fact]
    public void Given_a_justification_over_1000_characters_Then_it_is_named()
    {
        var purpose = SchoolSupport with { Justifications = new Dictionary<string, string?> { ["caring.role"] = new string('x', 1001) } };

        Assert.Equal(["purposes[0].justifications[caring.role]"], When(WithPurpose(purpose)).Keys);
    }

    [Fact]
    public void Given_justifications_When_made_content_Then_they_are_kept_trimmed_and_blank_ones_dropped()
    {
        var purpose = SchoolSupport with
        {
            Justifications = new Dictionary<string, string?> { ["caring.role"] = "  " + Samples.CaredForWhy + "  ", ["identity.basic"] = " " },
        };

        var stored = Assert.Single((Samples.Terms with { Purposes = [purpose] }).ToContent().Purposes);

        Assert.Equal(Samples.CaredForWhy, stored.JustificationFor("caring.role"));
        Assert.Null(stored.JustificationFor("identity.basic"));
        Assert.Equal(purpose.Justifications!.Count - 1, stored.Justifications!.Count);
    }

    private static Dictionary<string, string?> Justified(string category) => new() { [category] = Samples.CaredForWhy };

    [Fact]
    public void Given_an_unknown_article_9_condition_Then_article9_error()
    {
        Assert.Equal(["purposes[0].lawfulBasis.article9"], When(WithPurpose(SchoolSupport with { LawfulBasis = new LawfulBasisTerms("consent", "9-2-h") })).Keys);
    }

    [Fact]
    public void Given_article_6_consent_without_requiring_consent_Then_requiresConsent_error()
    {
        Assert.Equal(["purposes[0].requiresConsent"], When(WithPurpose(SchoolSupport with { RequiresConsent = false })).Keys);
    }

    [Fact]
    public void Given_public_task_without_requiring_consent_Then_valid()
    {
        Assert.Empty(When(WithPurpose(SchoolSupport with { LawfulBasis = new LawfulBasisTerms("public-task", null), RequiresConsent = false })));
    }

    [Fact]
    public void Given_a_window_that_ends_before_or_when_it_starts_Then_effectiveTo_error()
    {
        Assert.Equal(["effectiveTo"], When(Terms with { EffectiveTo = From }).Keys);
        Assert.Equal(["effectiveTo"], When(Terms with { EffectiveTo = From.AddDays(-1) }).Keys);
    }

    [Fact]
    public void Given_no_window_Then_both_ends_are_named()
    {
        Assert.Equal(["effectiveFrom", "effectiveTo"], When(Terms with { EffectiveFrom = null, EffectiveTo = null }).Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0)]
    [InlineData(3651)]
    [InlineData(-5)]
    public void Given_retention_outside_1_to_3650_days_Then_retentionDays_error(int? days)
    {
        Assert.Equal(["retentionDays"], When(Terms with { RetentionDays = days }).Keys);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3650)]
    public void Given_retention_at_either_limit_Then_valid(int days)
    {
        Assert.Empty(When(Terms with { RetentionDays = days }));
    }

    [Fact]
    public void Given_many_wrong_fields_Then_every_one_is_listed_at_once()
    {
        var terms = new DsaTerms(
            null,
            [new PartyTerms("bad id", null, "owner")],
            [new PurposeTerms("Bad", "short", [], new LawfulBasisTerms("consent", null), false, false)],
            To,
            From,
            0);

        var errors = When(terms);

        Assert.Equal(
            [
                "effectiveTo", "parties", "parties[0].name", "parties[0].orgId", "parties[0].role",
                "purposes[0].code", "purposes[0].dataCategories", "purposes[0].description", "purposes[0].requiresConsent",
                "retentionDays", "title",
            ],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(2, errors["parties"].Length);
    }
}
