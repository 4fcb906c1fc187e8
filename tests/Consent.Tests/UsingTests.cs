using static ConsentPlatform.Consent.Tests.Scenario;

namespace ConsentPlatform.Consent.Tests;

/// <summary>
/// What counts as a use of a consent (<see cref="ConsentUse"/>, issue 16): given a published
/// disclosure event, when it is recorded, then one use of the consent its decision was judged on,
/// by the organisation that used it, when it happened, keyed by the event's id; or none.
/// </summary>
public sealed class UsingTests
{
    private static readonly Guid EventId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000e1");
    private static readonly Guid DisclosureId = Guid.Parse("0195b5e4-0000-7000-8000-0000000000d1");
    private static readonly EventActor Requester = new("Practitioner:school-1:ms-lee", "Practitioner", "school-1");

    private static ShareDecision Decision(Guid? consentId, ShareOutcome outcome = ShareOutcome.Approved) =>
        new(outcome, [], consentId, consentId is null ? null : 1, Guid.NewGuid(), 1, Later);

    private static DisclosureApproved Approved(Guid? consentId, OverrideApproval? approval = null) =>
        new(EventId, DisclosureId, "yc-1", "school-support", "school-1", "la-1", ["caring.role"], Decision(consentId), null, null, approval, 90, Requester, Later);

    private static PackageRead Read(Guid? consentId) =>
        new(EventId, DisclosureId, "yc-1", "school-support", "school-1", "la-1", ["caring.role"], Decision(consentId), Requester, Later.AddHours(1));

    [Fact]
    public void Given_a_share_approved_under_a_consent_When_recorded_Then_one_use_by_the_requester_keyed_by_the_event()
    {
        var use = ConsentUse.Of(Approved(ConsentId));

        Assert.Equal(new ConsentUse(EventId, ConsentId, DisclosureId, ConsentUseKind.ApprovedShare, "school-1", Later), use);
    }

    [Fact]
    public void Given_a_package_read_under_a_consent_When_recorded_Then_one_use_by_the_reader_when_it_was_read()
    {
        var use = ConsentUse.Of(Read(ConsentId));

        Assert.Equal(new ConsentUse(EventId, ConsentId, DisclosureId, ConsentUseKind.PackageRead, "school-1", Later.AddHours(1)), use);
    }

    [Fact]
    public void Given_a_share_approved_by_a_safeguarding_override_without_consent_When_recorded_Then_no_use_of_any_consent()
    {
        var approval = new OverrideApproval("SafeguardingLead:la-1:dr-osei", "la-1", "SafeguardingLead", Later);

        Assert.Null(ConsentUse.Of(Approved(consentId: null, approval)));
    }

    [Fact]
    public void Given_a_read_of_a_purpose_that_needs_no_consent_When_recorded_Then_no_use_of_any_consent()
    {
        Assert.Null(ConsentUse.Of(Read(consentId: null)));
    }

    [Fact]
    public void Given_the_same_event_twice_When_recorded_Then_the_same_use_twice_so_storing_it_again_changes_nothing()
    {
        Assert.Equal(ConsentUse.Of(Approved(ConsentId)), ConsentUse.Of(Approved(ConsentId)));
        Assert.Equal(EventId, ConsentUse.Of(Approved(ConsentId))!.Id);
    }
}
