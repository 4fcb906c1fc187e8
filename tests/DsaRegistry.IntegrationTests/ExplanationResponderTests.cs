using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// ExplainConsentPurpose sent over RabbitMQ from another bus, as the consent service sends it to
/// explain a consent (issue 16). Every test has a purpose code of its own: the question is about a
/// purpose across all agreements, and other tests' agreements must not be in the answer.
/// </summary>
public sealed class ExplanationResponderTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    private readonly string purpose = "p-" + Guid.NewGuid().ToString("N")[..12];

    private DsaTerms TermsForPurpose(int retentionDays = 365)
    {
        var terms = Registry.Terms();
        return terms with { Purposes = [terms.Purposes![0]! with { Code = purpose }], RetentionDays = retentionDays };
    }

    private ExplainConsentPurpose Question(string[]? recipients = null, string[]? categories = null) =>
        new(purpose, recipients ?? [], categories ?? [], DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_active_agreement_for_the_purpose_is_explained_with_its_named_parties_categories_retention_and_basis()
    {
        var dsa = await Registry.ActiveAsync(TermsForPurpose(retentionDays: 90));

        var result = await Fixture.ExplainAsync(Question());

        Assert.True(result.Covered);
        Assert.Equal(
            [
                new PurposeOrganisation(Registry.LocalAuthority, "Example Council", SharingRole.Holder),
                new PurposeOrganisation(Registry.School, "Example School", SharingRole.Holder),
                new PurposeOrganisation(Registry.LocalAuthority, "Example Council", SharingRole.Recipient),
                new PurposeOrganisation(Registry.School, "Example School", SharingRole.Recipient),
            ],
            result.Organisations);
        Assert.Equal(["identity.basic", "caring.role", "education.attendance"], result.DataCategories);
        Assert.Equal(90, result.RetentionDays);
        Assert.Equal(new LawfulBasis(Article6Basis.Consent, null), result.LawfulBasis);
        Assert.Equal("So your school can help you with attendance and homework around your caring.", result.Description);
        Assert.Equal([new PurposeAgreement(dsa.Id, dsa.Version, dsa.Title, dsa.EffectiveTo)], result.Agreements);
    }

    [Fact]
    public async Task A_consents_recipients_and_categories_narrow_the_explanation()
    {
        await Registry.ActiveAsync(TermsForPurpose());

        var result = await Fixture.ExplainAsync(Question(recipients: [Registry.School], categories: ["caring.role"]));

        Assert.Equal([Registry.School], result.Organisations.Where(o => o.Role == SharingRole.Recipient).Select(o => o.OrgId));
        Assert.Equal(["caring.role"], result.DataCategories);
    }

    [Fact]
    public async Task No_agreement_for_the_purpose_only_a_draft_or_a_suspended_one_is_not_covered_and_shows_nothing()
    {
        Assert.False((await Fixture.ExplainAsync(Question())).Covered);

        await Registry.DraftAsync(TermsForPurpose());
        Assert.False((await Fixture.ExplainAsync(Question())).Covered);

        var dsa = await Registry.ActiveAsync(TermsForPurpose());
        Assert.True((await Fixture.ExplainAsync(Question())).Covered);

        using var suspended = await PostAsync(Registry.Officer(), $"/api/dsas/{dsa.Id}/suspend", new { reason = "Review of the agreement" });
        Assert.Equal(HttpStatusCode.OK, suspended.StatusCode);
        var after = await Fixture.ExplainAsync(Question());
        Assert.False(after.Covered);
        Assert.Empty(after.Organisations);
        Assert.Empty(after.Agreements);
        Assert.Null(after.RetentionDays);
    }
}
