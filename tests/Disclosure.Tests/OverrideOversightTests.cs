using static ConsentPlatform.Disclosure.Tests.Scenario;

namespace ConsentPlatform.Disclosure.Tests;

/// <summary>Issue 20 §3: safeguarding overrides reviewed after the fact by a Caldicott guardian, and told to the young person with care.</summary>
public sealed class OverrideOversightTests
{
    private static readonly Contracts.Common.EventActor Guardian = new("CaldicottGuardian:la-1:gail", "CaldicottGuardian", "la-1");

    private static IReadOnlyList<object> Awaiting() => Requested(Request(ShareBasis.Safeguarding, Justification), Answers(dsa: Dsa(allowsOverride: true)));

    private static IReadOnlyList<object> Approved() =>
        ApproveOverride.Decide(new ApproveOverride(Id, CouncilLead, "lee", "Child at risk.", Now), Given(Awaiting()), Answers(dsa: Dsa(allowsOverride: true))).Events;

    [Fact]
    public void Given_an_approved_override_Then_its_review_is_due_and_a_guardian_records_it_once()
    {
        // Due from the approval (the list's overdue is ApprovedAt plus Disclosure:OverrideReviewWithin) until reviewed.
        var state = Given(Awaiting(), Approved());
        Assert.Equal(((DateTimeOffset?)Now, (OverrideReview?)null), (state.ApprovedAt, state.Review));

        var reviewed = Assert.IsType<Domain.DisclosureEvent.OverrideReviewed>(Assert.Single(ReviewOverride.Decide(new ReviewOverride(Id, OverrideReviewOutcome.NotUpheld, "The risk did not need the data.", Guardian, Now.AddDays(3)), state)));

        Assert.Equal(OverrideReviewOutcome.NotUpheld, reviewed.Outcome);
        var after = Given(Awaiting(), Approved(), [reviewed]);
        Assert.Equal(new OverrideReview(OverrideReviewOutcome.NotUpheld, "The risk did not need the data.", Guardian, Now.AddDays(3)), after.Review);
        Refused(409, ReviewOverride.Decide(new ReviewOverride(Id, OverrideReviewOutcome.Upheld, "Again.", Guardian, Now.AddDays(4)), after));
    }

    [Fact]
    public void Given_no_override_Then_nothing_to_review_or_delay() =>
        Refused(409, ReviewOverride.Decide(new ReviewOverride(Id, OverrideReviewOutcome.Upheld, "Fine.", Guardian, Now), Given(Requested())));

    [Fact]
    public void Given_an_override_When_a_lead_delays_the_notice_Then_it_is_in_force_until_its_end_and_the_job_records_the_end_once()
    {
        var approved = Given(Awaiting(), Approved());

        var delayed = Assert.IsType<Domain.DisclosureEvent.OverrideNoticeDelayed>(Assert.Single(DelayOverrideNotice.Decide(new DelayOverrideNotice(Id, Now.AddDays(7), "A parent reads the phone.", CouncilLead, Now, TimeSpan.FromDays(28)), approved)));
        var state = Given(Awaiting(), Approved(), [delayed]);

        Assert.True(state.NoticeDelay!.IsInForce(Now.AddDays(7).AddSeconds(-1)));
        Assert.False(state.NoticeDelay.IsInForce(Now.AddDays(7)));
        Assert.Empty(EndNoticeDelay.Decide(state, Now.AddDays(7).AddSeconds(-1)));
        var ended = Assert.IsType<Domain.DisclosureEvent.OverrideNoticeDelayEnded>(Assert.Single(EndNoticeDelay.Decide(state, Now.AddDays(7))));
        var after = Given(Awaiting(), Approved(), [delayed], [ended]);
        Assert.Empty(EndNoticeDelay.Decide(after, Now.AddDays(8)));
        Refused(409, DelayOverrideNotice.Decide(new DelayOverrideNotice(Id, Now.AddDays(9), "Again.", CouncilLead, Now.AddDays(8), TimeSpan.FromDays(28)), after));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(29)]
    public void A_delay_that_does_not_end_after_now_or_ends_beyond_28_days_is_invalid(int days)
    {
        var invalid = Refused(400, DelayOverrideNotice.Decide(new DelayOverrideNotice(Id, Now.AddDays(days), "Reason.", CouncilLead, Now, TimeSpan.FromDays(28)), Given(Awaiting(), Approved())));

        Assert.Equal(["until"], invalid.Errors!.Keys);
    }
}
