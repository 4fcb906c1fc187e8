namespace ConsentPlatform.Consent.Tests;

/// <summary>Issue 20 §1: which competence assessment stands for a purpose, and who a proxy consent records.</summary>
public sealed class CompetenceTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Teacher = new("Practitioner:school-1:sam", "Practitioner", "school-1");

    private static CompetenceAssessment Assessed(string? purpose, CompetenceOutcome outcome, int daysAgo) =>
        CompetenceAssessment.From((Competence.CompetenceEvent.Assessed)AssessCompetence.Decide(
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
        var terms = GrantConsentEndpoint.Validate(new FieldErrors(), new GrantConsentRequest("yc-1", "school-support", null, null, null, GivenBy.Parent, new ProxyRequest(" mother ", "Jo")), Now);

        Assert.Equal(new ConsentProxy("mother", "Jo"), terms.Proxy);
        Assert.Null(GrantConsentEndpoint.Validate(new FieldErrors(), new GrantConsentRequest("yc-1", "school-support", null, null, null, GivenBy.Self), Now).Proxy);
    }

    [Theory]
    [InlineData(GivenBy.Parent, null, "proxy.relationship")]
    [InlineData(GivenBy.Guardian, "", "proxy.relationship")]
    [InlineData(GivenBy.Self, "mother", "proxy")]
    public void A_proxy_missing_for_a_parent_or_given_for_the_young_person_is_named(GivenBy givenBy, string? relationship, string field)
    {
        var proxy = relationship is null ? null : new ProxyRequest(relationship, null);

        var errors = new FieldErrors();
        GrantConsentEndpoint.Validate(errors, new GrantConsentRequest("yc-1", "school-support", null, null, null, givenBy, proxy), Now);

        Assert.Equal([field], errors.ToDictionary().Keys);
    }
}

/// <summary>Issue 20 §1: a proxy consent asks the young person, once competent, to confirm it; unconfirmed in time, it is paused.</summary>
public sealed class ProxyConfirmationTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly EventActor Teacher = new("Practitioner:school-1:sam", "Practitioner", "school-1");
    private static readonly EventActor Sam = new("YoungCarer:yc-1", "YoungCarer", null);

    private static Domain.ConsentState Granted(GivenBy givenBy) =>
        Domain.ConsentEvolution.Fold(GrantConsent.Decide(new GrantConsent(Guid.NewGuid(), new Domain.ConsentTerms("yc-1", "school-support", [], [], givenBy, null,
            givenBy == GivenBy.Self ? null : new ConsentProxy("mother")), Teacher, Now.AddDays(-10)), null))!;

    private static CompetenceAssessment Competent(string? purpose = "school-support") =>
        CompetenceAssessment.From(new Competence.CompetenceEvent.Assessed(Guid.NewGuid(), "yc-1", purpose, CompetenceOutcome.Competent, CompetenceBasis.Gillick, null, Teacher, Now));

    [Fact]
    public void Given_a_parents_consent_When_the_young_person_is_assessed_competent_for_its_purpose_Then_they_are_asked_to_confirm_within_28_days()
    {
        var consent = Granted(GivenBy.Parent);

        var asked = Assert.IsType<Domain.ConsentEvent.ProxyConfirmationAsked>(Assert.Single(Confirming.AskProxyConfirmation.Decide(consent, Competent(), TimeSpan.FromDays(28), Teacher, Now)));

        Assert.Equal((consent.Version + 1, Now.AddDays(28)), (asked.Version, asked.ConfirmBy));
        var after = Domain.ConsentEvolution.Evolve(consent, asked)!;
        Assert.Equal((Now.AddDays(28), ConsentStatus.Active), (after.ConfirmBy, after.Status));
        Assert.Empty(Confirming.AskProxyConfirmation.Decide(after, Competent(), TimeSpan.FromDays(28), Teacher, Now)); // asked once
    }

    [Fact]
    public void Given_the_young_persons_own_consent_or_another_purpose_or_not_yet_competent_Then_nothing_is_asked()
    {
        Assert.Empty(Confirming.AskProxyConfirmation.Decide(Granted(GivenBy.Self), Competent(), TimeSpan.FromDays(28), Teacher, Now));
        Assert.Empty(Confirming.AskProxyConfirmation.Decide(Granted(GivenBy.Parent), Competent("gp-carer-register"), TimeSpan.FromDays(28), Teacher, Now));
        var notYet = Competent() with { Outcome = CompetenceOutcome.NotYetCompetent };
        Assert.Empty(Confirming.AskProxyConfirmation.Decide(Granted(GivenBy.Parent), notYet, TimeSpan.FromDays(28), Teacher, Now));
    }

    [Fact]
    public void Given_asked_When_the_young_person_confirms_Then_a_new_version_given_by_themselves_without_a_proxy()
    {
        var consent = Granted(GivenBy.Guardian);
        var asked = Domain.ConsentEvolution.Fold(Confirming.AskProxyConfirmation.Decide(consent, Competent(null), TimeSpan.FromDays(28), Teacher, Now), consent)!;

        var confirmed = Assert.IsType<Domain.ConsentEvent.ProxyConfirmed>(Assert.Single(Confirming.ConfirmProxyConsent.Decide(new Confirming.ConfirmProxyConsent(consent.Id, Sam, Now.AddDays(1)), asked)));

        Assert.Equal((GivenBy.Self, (ConsentProxy?)null, asked.Version + 1), (confirmed.Terms.GivenBy, confirmed.Terms.Proxy, confirmed.Version));
        var after = Domain.ConsentEvolution.Evolve(asked, confirmed)!;
        Assert.Null(after.ConfirmBy);
        Assert.Equal(409, Confirming.ConfirmProxyConsent.Decide(new Confirming.ConfirmProxyConsent(consent.Id, Sam, Now.AddDays(2)), after).Refusal?.Status);
        Assert.Empty(Confirming.PauseUnconfirmed.Decide(after, Now.AddDays(60)));
    }

    [Fact]
    public void Given_asked_and_unanswered_When_the_time_is_up_Then_paused_by_the_job_and_resuming_needs_the_confirmation_first()
    {
        var consent = Granted(GivenBy.Parent);
        var asked = Domain.ConsentEvolution.Fold(Confirming.AskProxyConfirmation.Decide(consent, Competent(), TimeSpan.FromDays(28), Teacher, Now), consent)!;

        Assert.Empty(Confirming.PauseUnconfirmed.Decide(asked, Now.AddDays(28).AddSeconds(-1)));
        var paused = Assert.IsType<Domain.ConsentEvent.Paused>(Assert.Single(Confirming.PauseUnconfirmed.Decide(asked, Now.AddDays(28))));
        Assert.Equal(Domain.ConsentActors.ConfirmationJob, paused.PausedBy);
        var after = Domain.ConsentEvolution.Evolve(asked, paused)!;
        Assert.Equal(409, Resuming.ResumeConsent.Decide(new Resuming.ResumeConsent(consent.Id, Sam, Now.AddDays(29)), after).Refusal?.Status);
        var confirmed = Domain.ConsentEvolution.Fold(Confirming.ConfirmProxyConsent.Decide(new Confirming.ConfirmProxyConsent(consent.Id, Sam, Now.AddDays(29)), after), after)!;
        Assert.Equal(ConsentStatus.Active, Domain.ConsentEvolution.Fold(Resuming.ResumeConsent.Decide(new Resuming.ResumeConsent(consent.Id, Sam, Now.AddDays(29)), confirmed), confirmed)!.Status);
    }
}
