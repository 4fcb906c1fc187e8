using ConsentPlatform.Consent.Competence;
using ConsentPlatform.Consent.Granting;
using ConsentPlatform.Contracts.Common;
using ConsentPlatform.Contracts.Consent;
using ConsentPlatform.Hosting.Problems;
using Xunit;

namespace ConsentPlatform.Consent.Tests;

/// <summary>Issue 20 §1: which competence assessment stands for a purpose, and who a proxy consent records.</summary>
public sealed class CompetenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Teacher = new("Practitioner:school-1:sam", "Practitioner", "school-1");

    private static CompetenceAssessment Assessed(string? purpose, CompetenceOutcome outcome, int daysAgo) =>
        CompetenceAssessment.From((Competence.CompetenceAssessed)AssessCompetence.Decide(
            new AssessCompetence(Guid.NewGuid(), "yc-1", purpose, outcome, CompetenceBasis.Gillick, null, Teacher, Now.AddDays(-daysAgo)))[0]);

    [Fact]
    public void Given_no_assessment_Then_none_stands_and_a_proxy_may_consent() =>
        Assert.False(StandingCompetence.IsCompetent([], "school-support"));

    [Fact]
    public void Given_competent_for_the_purpose_Then_it_stands_for_it_and_not_for_another_purpose()
    {
        CompetenceAssessment[] assessments = [Assessed("school-support", CompetenceOutcome.Competent, 3)];

        Assert.True(StandingCompetence.IsCompetent(assessments, "school-support"));
        Assert.False(StandingCompetence.IsCompetent(assessments, "gp-carer-register"));
    }

    [Fact]
    public void Given_competent_for_every_purpose_Then_it_stands_for_any_purpose() =>
        Assert.True(StandingCompetence.IsCompetent([Assessed(null, CompetenceOutcome.Competent, 3)], "gp-carer-register"));

    [Fact]
    public void Given_a_later_not_yet_assessment_for_the_purpose_Then_it_replaces_an_earlier_competent_one_for_every_purpose()
    {
        CompetenceAssessment[] assessments = [Assessed(null, CompetenceOutcome.Competent, 10), Assessed("school-support", CompetenceOutcome.NotYetCompetent, 2)];

        Assert.False(StandingCompetence.IsCompetent(assessments, "school-support"));
        Assert.True(StandingCompetence.IsCompetent(assessments, "whole-family-support"));
    }

    [Fact]
    public void Given_a_later_competent_assessment_Then_it_replaces_an_earlier_not_yet_one() =>
        Assert.True(StandingCompetence.IsCompetent(
            [Assessed("school-support", CompetenceOutcome.NotYetCompetent, 30), Assessed("school-support", CompetenceOutcome.Competent, 1)], "school-support"));

    [Fact]
    public void A_parents_consent_records_who_gave_it_and_the_young_persons_own_has_no_proxy()
    {
        var terms = GrantConsentEndpoint.Validate(new GrantConsentRequest("yc-1", "school-support", null, null, null, GivenBy.Parent, new ProxyRequest(" mother ", "Jo")), Now);

        Assert.Equal(new ConsentProxy("mother", "Jo"), terms.Proxy);
        Assert.Null(GrantConsentEndpoint.Validate(new GrantConsentRequest("yc-1", "school-support", null, null, null, GivenBy.Self), Now).Proxy);
    }

    [Theory]
    [InlineData(GivenBy.Parent, null, "proxy.relationship")]
    [InlineData(GivenBy.Guardian, "", "proxy.relationship")]
    [InlineData(GivenBy.Self, "mother", "proxy")]
    public void A_proxy_missing_for_a_parent_or_given_for_the_young_person_is_named(GivenBy givenBy, string? relationship, string field)
    {
        var proxy = relationship is null ? null : new ProxyRequest(relationship, null);

        var invalid = Assert.Throws<RequestValidationException>(() => GrantConsentEndpoint.Validate(new GrantConsentRequest("yc-1", "school-support", null, null, null, givenBy, proxy), Now));

        Assert.Equal([field], invalid.Errors.Keys);
    }
}
