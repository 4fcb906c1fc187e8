using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

/// <summary>
/// ADR 0016's one rule for every <c>Evolve</c>: an event the code does not know changes nothing,
/// except that it counts as one of the stream's events (a state that keeps the stream's version moves it on).
/// </summary>
public sealed class UnknownEventTests
{
    /// <summary>An event no version of this code ever wrote.</summary>
    private sealed record SomethingElseHappened(Guid Id);

    [Fact]
    public void Given_a_paused_consent_When_an_unknown_event_follows_Then_only_its_version_moves_on()
    {
        var paused = Given(Granted(), Paused());

        var after = ConsentEvolution.Evolve(paused, new SomethingElseHappened(ConsentId));

        Assert.Equal(paused with { Version = 3 }, after);
        Assert.Equal(ConsentStatus.Paused, after!.Status);
    }

    [Fact]
    public void Given_no_consent_When_an_unknown_event_comes_Then_there_is_still_none() =>
        Assert.Null(ConsentEvolution.Evolve(null, new SomethingElseHappened(ConsentId)));

    [Fact]
    public void Given_an_issued_link_code_When_an_unknown_event_follows_Then_only_its_version_moves_on()
    {
        var now = new DateTimeOffset(2026, 12, 2, 12, 0, 0, TimeSpan.Zero);
        var issued = SubjectLinkEvolution.Fold([new LinkCodeIssued(ConsentId, "yc-1", "hash", now.AddHours(1), Practitioner, now)])!;

        var after = SubjectLinkEvolution.Evolve(issued, new SomethingElseHappened(ConsentId));

        Assert.Equal(issued with { Version = 2 }, after);
        Assert.Null(SubjectLinkEvolution.Evolve(null, new SomethingElseHappened(ConsentId)));
    }

    [Fact]
    public void Given_an_assessment_When_an_unknown_event_follows_Then_it_is_unchanged()
    {
        var assessed = new Competence.CompetenceEvent.Assessed(ConsentId, "yc-1", null, CompetenceOutcome.Competent, CompetenceBasis.Gillick, null, Practitioner, GrantedAt);
        var assessment = CompetenceAssessment.From(assessed);
        var projection = new CompetenceProjection();

        var after = projection.Evolve(assessment, ConsentId, new Event<SomethingElseHappened>(new SomethingElseHappened(ConsentId)));

        Assert.Same(assessment, after);
    }
}
