using static ConsentPlatform.DsaRegistry.Tests.Samples;
using DsaStatus = ConsentPlatform.Contracts.DsaRegistry.DsaStatus;
using Published = ConsentPlatform.Contracts.DsaRegistry;

namespace ConsentPlatform.DsaRegistry.Tests;

public sealed class EvolutionTests
{
    [Fact]
    public void Given_a_full_life_When_folded_Then_each_event_adds_a_version_and_the_state_follows()
    {
        var state = Given(Drafted(), Activated, Suspended, Amended(), Reinstated, Terminated);

        Assert.Equal((6L, DsaStatus.Terminated, "Amended title"), (state.Version, state.Status, state.Content.Title));
        Assert.Equal([LocalAuthority, School], state.OrgIds);
        Assert.Equal(["school-support", "whole-family-support"], state.PurposeCodes);
        Assert.Equal(From, state.CreatedAt);
        Assert.Equal(Terminated.TerminatedAt, state.UpdatedAt);
    }

    [Fact]
    public void Given_no_dsa_When_anything_but_a_draft_applies_Then_it_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => AgreementEvolution.Evolve(null, Activated));
    }

    /// <summary>The platform's one rule for an event this code does not know (issue 24): nothing changes but the version, which stays the stream's.</summary>
    [Fact]
    public void Given_a_signed_draft_When_an_unknown_event_applies_Then_only_the_version_moves()
    {
        var state = Given(Drafted(), SignedBy(LocalAuthority));

        var after = AgreementEvolution.Evolve(state, new UnknownEvent("from a newer writer"));

        Assert.Equal(state.Version + 1, after.Version);
        Assert.Equal(state with { Version = after.Version, ContentVersion = state.TermsVersion }, after);
        Assert.Equal((state.TermsVersion, state.Signatures), (after.TermsVersion, after.Signatures));
        Assert.Equal(state.AwaitingSignatureFrom, after.AwaitingSignatureFrom);
    }

    private sealed record UnknownEvent(string Note);

    [Fact]
    public void Given_a_history_When_built_Then_each_version_has_its_content_and_the_event_that_made_it()
    {
        var amended = Amended();
        object[] events = [Drafted(), Activated, Suspended, amended];

        var history = DsaHistory.Build(events.Select(e => (Guid.NewGuid(), e)));

        Assert.Equal([1L, 2L, 3L, 4L], history.Select(v => v.Version));
        Assert.Equal(["dsa-drafted", "dsa-activated", "dsa-suspended", "dsa-amended"], history.Select(v => v.Change.Event));
        Assert.Equal([DsaStatus.Draft, DsaStatus.Active, DsaStatus.Suspended, DsaStatus.Suspended], history.Select(v => v.Dsa.Status));
        Assert.Equal(Suspended.Reason, history[2].Change.Reason);
        Assert.Equal("Young carers support: council and school", history[0].Dsa.Title);
        Assert.Equal("Amended title", history[3].Dsa.Title);
        Assert.Equal(amended.AmendedAt, history[3].Change.OccurredAt);
    }
}

public sealed class DsaEventContractsTests
{
    private static IEvent Stored(object data, long version)
    {
        var e = new Event<object>(data) { Id = Guid.NewGuid(), Version = version };
        return e;
    }

    [Fact]
    public void Given_each_stored_event_When_mapped_Then_the_published_contract_carries_its_id_version_actor_and_time()
    {
        var contracts = new DsaEventContracts();
        var drafted = Stored(Drafted(), 1);
        var suspended = Stored(Suspended, 3);

        var publishedDraft = Assert.IsType<Published.DsaDrafted>(contracts.ToContract(drafted));
        var publishedSuspension = Assert.IsType<Published.DsaSuspended>(contracts.ToContract(suspended));

        Assert.Equal((drafted.Id, DsaId, 1L, Officer(), From), (publishedDraft.EventId, publishedDraft.DsaId, publishedDraft.Version, publishedDraft.Actor, publishedDraft.OccurredAt));
        Assert.Same(Drafted().Content.Title, publishedDraft.Content.Title);
        Assert.Null(publishedDraft.SubjectId);
        Assert.Equal((suspended.Id, 3L, Suspended.Reason), (publishedSuspension.EventId, publishedSuspension.Version, publishedSuspension.Reason));
        Assert.IsType<Published.DsaAmended>(contracts.ToContract(Stored(Amended(), 4)));
        Assert.IsType<Published.DsaActivated>(contracts.ToContract(Stored(Activated, 2)));
        Assert.IsType<Published.DsaReinstated>(contracts.ToContract(Stored(Reinstated, 5)));
        Assert.IsType<Published.DsaTerminated>(contracts.ToContract(Stored(Terminated, 6)));
        Assert.Null(contracts.ToContract(Stored("not a DSA event", 1)));
    }
}
