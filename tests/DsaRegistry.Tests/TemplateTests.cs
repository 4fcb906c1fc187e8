using static ConsentPlatform.DsaRegistry.Tests.Samples;

namespace ConsentPlatform.DsaRegistry.Tests;

/// <summary>Issue 17: the registry's templates are valid agreements as they stand, and drafting from one fills only what the body leaves out.</summary>
public sealed class TemplateTests
{
    public static TheoryData<string> TemplateIds => [.. DsaTemplates.All.Select(t => t.Id)];

    private static DsaTerms FromTemplate(string id) => new(
        null, [new PartyTerms(LocalAuthority, "Example Council", "both"), new PartyTerms(School, "Example School", "both")],
        null, From, To, null, TemplateId: id);

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Given_a_template_with_parties_and_dates_When_validated_Then_it_passes_the_content_rules_unchanged(string id)
    {
        var errors = new FieldErrors();

        Assert.Empty(DsaTermsValidation.Validate(DsaTemplates.Fill(errors, FromTemplate(id))));
        Assert.False(errors.Any);
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Given_a_template_Then_every_special_category_and_family_item_carries_a_justification_and_an_article_9_condition(string id)
    {
        var template = DsaTemplates.Find(id)!;
        var special = template.Purposes.SelectMany(p => p.DataCategories.Where(DsaTermsValidation.IsSpecialCategory).Select(c => (p, c))).ToList();

        Assert.All(special, item =>
        {
            Assert.False(string.IsNullOrWhiteSpace(item.p.JustificationFor(item.c)), $"{id}: {item.p.Code}/{item.c}");
            Assert.NotNull(item.p.LawfulBasis.Article9);
        });
    }

    [Theory]
    [MemberData(nameof(TemplateIds))]
    public void Given_a_template_Then_it_names_its_legal_sources_its_parties_and_only_categories_the_young_person_has_words_for(string id)
    {
        var template = DsaTemplates.Find(id)!;

        Assert.NotEmpty(template.LegalSources);
        Assert.Contains(template.Parties, p => p.Role is DsaPartyRole.Provider or DsaPartyRole.Both);
        Assert.Contains(template.Parties, p => p.Role is DsaPartyRole.Recipient or DsaPartyRole.Both);
        Assert.All(template.Purposes.SelectMany(p => p.DataCategories), c => Assert.True(PlainWords.Categories.ContainsKey(c), c));
        Assert.All(template.Purposes, p => Assert.True(PlainWords.Purposes.ContainsKey(p.Code), p.Code));
    }

    [Fact]
    public void Given_the_templates_Then_their_ids_are_unique()
    {
        Assert.Equal(DsaTemplates.All.Count, DsaTemplates.All.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Given_an_unknown_template_When_filled_Then_templateId_is_named()
    {
        var errors = new FieldErrors();

        DsaTemplates.Fill(errors, FromTemplate("no-such-template"));

        var refused = Refused(400, errors.Refusal);

        Assert.Equal(["templateId"], refused.Errors!.Keys);
    }

    [Fact]
    public void Given_no_template_When_filled_Then_the_terms_are_as_given()
    {
        var terms = Terms;

        Assert.Same(terms, DsaTemplates.Fill(new FieldErrors(), terms));
    }

    [Fact]
    public void Given_a_template_and_a_title_and_retention_When_filled_Then_the_body_wins_and_the_template_gives_the_purposes()
    {
        var filled = DsaTemplates.Fill(new FieldErrors(), FromTemplate("school-support") with { Title = "Our own title", RetentionDays = 30 })!;

        Assert.Equal("Our own title", filled.Title);
        Assert.Equal(30, filled.RetentionDays);
        Assert.Equal(["school-support"], filled.Purposes!.Select(p => p!.Code));
    }

    [Fact]
    public void Given_a_template_When_drafted_Then_the_content_records_it_and_an_amendment_keeps_it()
    {
        var drafted = Only<AgreementEvent.Drafted>(Drafting.Drafting.Decide(new DraftDsa(DsaId, FromTemplate("gp-carers-register"), Officer(), Now)));

        Assert.Equal("gp-carers-register", drafted.Content.TemplateId);
        Assert.Equal(DsaTemplates.Find("gp-carers-register")!.Title, drafted.Content.Title);
        Assert.Equal(
            DsaTemplates.Find("gp-carers-register")!.Purposes[0].JustificationFor("health.mental"),
            drafted.Content.PurposeOf("gp-carer-register")!.JustificationFor("health.mental"));

        var amended = Only<AgreementEvent.Amended>(Amending.Amending.Decide(new AmendDsa(DsaId, Terms with { TemplateId = "school-support" }, Officer(), Now), Given(drafted)));
        Assert.Equal("gp-carers-register", amended.Content.TemplateId);
    }
}
