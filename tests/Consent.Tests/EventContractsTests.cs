using static ConsentPlatform.Consent.Tests.Scenario;
using Published = ConsentPlatform.Contracts.Consent;

namespace ConsentPlatform.Consent.Tests;

public sealed class EventContractsTests
{
    private static readonly ConsentEventContracts Contracts = new();

    private static object? Map<T>(T data) where T : notnull =>
        Contracts.ToContract(new Event<T>(data) { Id = Guid.Parse("0195b5e4-0000-7000-8000-0000000000ee") });

    [Fact]
    public void Granted_is_published_with_the_event_id_every_term_and_version_1()
    {
        var terms = Terms(ExpiresAt, ["school-1"], ["caring.role"]);

        var contract = Assert.IsType<Published.ConsentGranted>(Map(Granted(terms)));

        Assert.Equal(
            new Published.ConsentGranted(
                Guid.Parse("0195b5e4-0000-7000-8000-0000000000ee"), ConsentId, 1, "yc-1", "school-support", terms.RecipientOrgIds, terms.DataCategories,
                GivenBy.Self, GrantedAt, ExpiresAt, ConsentStatus.Active, YoungCarer, GrantedAt),
            contract);
        Assert.Equal("yc-1", ((IPlatformEvent)contract).SubjectId);
    }

    [Fact]
    public void Paused_is_published_with_the_terms_the_reason_and_the_new_version()
    {
        var contract = Assert.IsType<Published.ConsentPaused>(Map(Paused() with { Reason = "worried" }));

        Assert.Equal((2L, ConsentStatus.Paused, "worried", "school-support", GrantedAt), (contract.Version, contract.Status, contract.Reason, contract.Purpose, contract.GrantedAt));
    }

    [Fact]
    public void Each_consent_event_maps_to_its_contract()
    {
        Assert.IsType<Published.ConsentResumed>(Map(new Domain.ConsentEvent.Resumed(ConsentId, 3, Terms(), GrantedAt, YoungCarer, Later)));
        Assert.IsType<Published.ConsentWithdrawn>(Map(Withdrawn(2)));
        var expired = Assert.IsType<Published.ConsentExpired>(Map(new Domain.ConsentEvent.Expired(ConsentId, 2, Terms(ExpiresAt), GrantedAt, ConsentActors.ExpiryJob, ExpiresAt)));
        Assert.Equal((ConsentStatus.Expired, ExpiresAt), (expired.Status, expired.OccurredAt));
    }

    [Fact]
    public void Other_events_are_not_published() => Assert.Null(Map("not a consent event"));
}
