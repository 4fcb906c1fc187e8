using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

/// <summary>
/// <see cref="ConsentExplanation.Of"/>: given a consent's events, the registry's answer and the uses
/// recorded, then the explanation the young person reads (issue 16).
/// </summary>
public sealed class ExplainingTests
{
    private static readonly Guid DsaId = Guid.Parse("0196b0c0-0000-7000-8000-000000000001");
    private static readonly DateTimeOffset EffectiveTo = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly PurposeOrganisation Council = new("la-1", "Example Council", SharingRole.Holder);
    private static readonly PurposeOrganisation School = new("school-1", "Example School", SharingRole.Recipient);

    private static PurposeExplanation Covering(LawfulBasis? basis = null) => new(
        "school-support",
        Covered: true,
        "So your school can help you with attendance and homework around your caring.",
        [Council, School],
        ["identity.basic", "caring.role"],
        90,
        basis ?? new LawfulBasis(Article6Basis.Consent, null),
        [new PurposeAgreement(DsaId, 3, "Young carers: council and school", EffectiveTo)],
        Later);

    private static ConsentUse Use(string org, DateTimeOffset at) => new(Guid.NewGuid(), ConsentId, Guid.NewGuid(), ConsentUseKind.PackageRead, org, at);

    [Fact]
    public void Given_an_active_consent_under_an_agreement_When_explained_Then_named_organisations_described_categories_retention_basis_and_agreement()
    {
        var explanation = ConsentExplanation.Of(Given(Granted()), Covering(), ConsentUseTally.None, Later);

        Assert.Equal(ConsentId, explanation.ConsentId);
        Assert.Equal(new ExplainedPurpose("school-support", "So your school can help you with attendance and homework around your caring."), explanation.Purpose);
        Assert.Equal([Council, School], explanation.Organisations);
        Assert.Equal(
            [new ExplainedCategory("identity.basic", "your name and date of birth"), new ExplainedCategory("caring.role", "that you are a young carer and who you look after")],
            explanation.Categories);
        Assert.Equal(90, explanation.KeptForDays);
        Assert.Equal(new ExplainedLawfulBasis(Article6Basis.Consent, null, PlainWords.Article6(Article6Basis.Consent)), explanation.LawfulBasis);
        Assert.Equal([new PurposeAgreement(DsaId, 3, "Young carers: council and school", EffectiveTo)], explanation.Agreements);
        Assert.Equal(new ChangeOfMind(Pause: true, Withdraw: true), explanation.CanChangeMind);
        Assert.Equal(new UsesSoFar(0, null, null, null), explanation.Uses);
    }

    [Fact]
    public void Given_special_category_data_When_explained_Then_the_basis_says_both_articles_in_words()
    {
        var basis = new LawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare);

        var explanation = ConsentExplanation.Of(Given(Granted()), Covering(basis), ConsentUseTally.None, Later);

        Assert.Equal(new ExplainedLawfulBasis(Article6Basis.PublicTask, Article9Condition.HealthOrSocialCare, PlainWords.LawfulBasis(basis)), explanation.LawfulBasis);
    }

    [Fact]
    public void Given_no_agreement_covers_the_purpose_When_explained_Then_no_organisations_categories_agreements_retention_or_basis_and_the_vocabularys_purpose()
    {
        var explanation = ConsentExplanation.Of(Given(Granted()), PurposeExplanation.NotCovered("school-support", Later), ConsentUseTally.None, Later);

        Assert.Empty(explanation.Organisations);
        Assert.Empty(explanation.Categories);
        Assert.Empty(explanation.Agreements);
        Assert.Null(explanation.KeptForDays);
        Assert.Null(explanation.LawfulBasis);
        Assert.Equal(PlainWords.Purposes["school-support"], explanation.Purpose.Description);
    }

    [Fact]
    public void Given_a_paused_consent_When_explained_Then_it_can_be_withdrawn_but_not_paused_again()
    {
        var explanation = ConsentExplanation.Of(Given(Granted(), Paused()), Covering(), ConsentUseTally.None, Later);

        Assert.Equal(new ChangeOfMind(Pause: false, Withdraw: true), explanation.CanChangeMind);
    }

    [Fact]
    public void Given_a_withdrawn_consent_When_explained_Then_nothing_is_left_to_change()
    {
        var explanation = ConsentExplanation.Of(Given(Granted(), Withdrawn(2)), Covering(), ConsentUseTally.None, Later);

        Assert.Equal(new ChangeOfMind(Pause: false, Withdraw: false), explanation.CanChangeMind);
    }

    [Fact]
    public void Given_an_active_consent_past_its_expiry_When_explained_Then_nothing_is_left_to_change_even_before_the_expiry_is_recorded()
    {
        var terms = Terms(ExpiresAt);

        Assert.Equal(new ChangeOfMind(false, false), ConsentExplanation.Of(Given(Granted(terms)), Covering(), ConsentUseTally.None, ExpiresAt).CanChangeMind);
        var expired = Given(Granted(terms), new ConsentEvent.Expired(ConsentId, 2, terms, GrantedAt, ConsentActors.ExpiryJob, ExpiresAt));
        Assert.Equal(new ChangeOfMind(false, false), ConsentExplanation.Of(expired, Covering(), ConsentUseTally.None, ExpiresAt.AddDays(1)).CanChangeMind);
    }

    [Fact]
    public void Given_uses_When_explained_Then_the_count_and_the_last_use_by_the_organisations_name()
    {
        var last = Use("school-1", Later.AddHours(2));

        var explanation = ConsentExplanation.Of(Given(Granted()), Covering(), new ConsentUseTally(3, last), Later.AddHours(3));

        Assert.Equal(new UsesSoFar(3, Later.AddHours(2), "school-1", "Example School"), explanation.Uses);
    }

    [Fact]
    public void Given_a_last_use_by_an_organisation_the_agreements_no_longer_name_When_explained_Then_its_id_without_a_name()
    {
        var explanation = ConsentExplanation.Of(Given(Granted()), PurposeExplanation.NotCovered("school-support", Later), new ConsentUseTally(1, Use("school-1", Later)), Later);

        Assert.Equal(new UsesSoFar(1, Later, "school-1", null), explanation.Uses);
    }
}
