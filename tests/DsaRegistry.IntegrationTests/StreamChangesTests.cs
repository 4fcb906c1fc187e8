using static ConsentPlatform.DsaRegistry.IntegrationTests.Support.Registry;

namespace ConsentPlatform.DsaRegistry.IntegrationTests;

/// <summary>
/// The one stream-change helper of <c>services/Hosting</c> (issue 24), on a DSA's stream in the
/// registry's real PostgreSQL: load and fold, guard, compare the expected version, decide, append
/// with Marten's optimistic check; every refusal leaves the stream as it was.
/// </summary>
public sealed class StreamChangesTests(RegistryFixture fixture) : RegistryTests(fixture)
{
    private static readonly EventActor Officer = new("officer-1", "IgOfficer", "LA-stream-changes");
    private IDocumentStore Store => Fixture.Host.Services.GetRequiredService<IDocumentStore>();

    private static Decision Amend(Agreement state) => [new AgreementEvent.Amended(state.Id, state.Content, Officer, DateTimeOffset.UtcNow)];

    private Task<StreamChange<Agreement>> ChangeAsync(Guid id, long? expectedVersion, Func<Agreement, Decision> decide, Func<Agreement, CancellationToken, Task<Refusal?>>? guard = null) =>
        ChangeInAsync(Store, id, expectedVersion, decide, guard);

    private static async Task<StreamChange<Agreement>> ChangeInAsync(IDocumentStore store, Guid id, long? expectedVersion, Func<Agreement, Decision> decide, Func<Agreement, CancellationToken, Task<Refusal?>>? guard = null)
    {
        await using var session = store.LightweightSession();
        return await StreamChanges.DecideAsync(session, AgreementStore.Kind, id, expectedVersion, decide, Cancel, guard);
    }

    private async Task<long> StoredVersionAsync(Guid id)
    {
        await using var session = Store.QuerySession();
        return (await session.Events.FetchStreamStateAsync(id, Cancel))!.Version;
    }

    [Fact]
    public async Task Given_a_refusal_alongside_When_applied_Then_the_refusal_and_nothing_is_appended()
    {
        var dsa = await Registry.DraftAsync();
        await using var session = Store.LightweightSession();

        var change = await StreamChanges.DecideAsync(
            session, AgreementStore.Kind, dsa.Id, null, Amend, Cancel, alongside: (_, _) => Task.FromResult<Refusal?>(Refusal.Conflict("not after all")));

        Assert.Equal(409, change.Refusal?.Status);
        Assert.Equal(1, await StoredVersionAsync(dsa.Id));
    }

    [Fact]
    public async Task Given_a_dsa_at_version_1_When_a_change_names_version_1_Then_its_event_is_appended_and_the_new_state_returned()
    {
        var dsa = await Registry.DraftAsync();

        var changed = await ChangeAsync(dsa.Id, 1, Amend);

        Assert.Null(changed.Refusal);
        Assert.Equal(2, changed.State.Version);
        Assert.Equal(2, await StoredVersionAsync(dsa.Id));
    }

    [Fact]
    public async Task Given_a_dsa_at_version_1_When_a_change_names_version_3_Then_412_and_nothing_is_appended()
    {
        var dsa = await Registry.DraftAsync();

        var refusal = (await ChangeAsync(dsa.Id, 3, Amend)).Refusal;

        Assert.Equal(412, refusal?.Status);
        Assert.Equal($"DSA {dsa.Id} is at version 1, not 3: read it again before changing it.", refusal?.Detail);
        Assert.Equal(1, await StoredVersionAsync(dsa.Id));
    }

    [Fact]
    public async Task Given_a_guard_that_refuses_When_the_version_is_also_stale_Then_the_guards_refusal_and_nothing_is_appended()
    {
        var dsa = await Registry.DraftAsync();

        var refusal = (await ChangeAsync(dsa.Id, 3, Amend, guard: (_, _) => Task.FromResult<Refusal?>(Refusal.Forbidden("not yours")))).Refusal;

        Assert.Equal(403, refusal?.Status);
        Assert.Equal(1, await StoredVersionAsync(dsa.Id));
    }

    [Fact]
    public async Task Given_a_decision_with_no_event_When_applied_Then_the_state_is_returned_and_nothing_is_written()
    {
        var dsa = await Registry.DraftAsync();

        var unchanged = await ChangeAsync(dsa.Id, null, _ => []);

        Assert.Equal(1, unchanged.State.Version);
        Assert.Equal(1, await StoredVersionAsync(dsa.Id));
    }

    [Fact]
    public async Task Given_no_such_stream_When_changed_Then_the_kinds_404()
    {
        var id = Guid.NewGuid();

        var refusal = (await ChangeAsync(id, null, Amend)).Refusal;

        Assert.Equal(404, refusal?.Status);
        Assert.Equal($"DSA {id} does not exist.", refusal?.Detail);
    }

    [Theory]
    [InlineData(null, 409)]
    [InlineData(1L, 412)]
    public async Task Given_another_writer_commits_between_load_and_save_When_saved_Then_409_or_412_with_if_match_and_only_the_other_change_stands(long? expectedVersion, int status)
    {
        var dsa = await Registry.DraftAsync();

        // The other writer's change commits after this one has loaded version 1 (the guard runs then).
        var change = await ChangeAsync(dsa.Id, expectedVersion, Amend, guard: async (_, _) => (await ChangeInAsync(Store, dsa.Id, null, Amend)).Refusal);

        Assert.Equal(status, change.Refusal?.Status);
        Assert.Equal(2, await StoredVersionAsync(dsa.Id));
    }
}
