namespace ConsentPlatform.Consent.IntegrationTests;

/// <summary>Issue 24: the stored events were renamed (<c>ConsentEvent.Granted</c>) but keep their names in PostgreSQL, so those stored before read back.</summary>
public sealed class StoredEventNameTests(ConsentApi api)
{
    /// <summary>What the consent service's events were called when they were top-level types beside the contracts.</summary>
    private const string OldClrType = "ConsentPlatform.Consent.Domain.ConsentGranted, ConsentPlatform.Consent";

    private IDocumentStore Store => api.Host.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task An_event_stored_before_the_rename_reads_back_as_the_renamed_type_under_its_old_name()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var store = Store;
        var id = Guid.CreateVersion7();
        var terms = new ConsentTerms("yc-stored-name", "school-support", [], [], GivenBy.Self, null);
        await using (var session = store.LightweightSession())
        {
            session.Events.StartStream<ConsentState>(id, new ConsentEvent.Granted(id, 1, terms, new EventActor("u-1", "YoungCarer", null), DateTimeOffset.UtcNow));
            await session.SaveChangesAsync(cancellationToken);
        }

        // The row as the service wrote it before the rename: its name, and the old type's.
        await using (var session = store.LightweightSession())
        {
            Assert.Equal("consent_granted", Assert.Single(await session.QueryAsync<string>("select type from consent.mt_events where stream_id = ?", cancellationToken, id)));
            session.QueueSqlCommand("update consent.mt_events set mt_dotnet_type = ? where stream_id = ?", OldClrType, id);
            await session.SaveChangesAsync(cancellationToken);
        }

        await using (var session = store.LightweightSession())
        {
            var stored = Assert.Single(await session.Events.FetchStreamAsync(id, token: cancellationToken));
            Assert.Equal("consent_granted", stored.EventTypeName);
            Assert.Equal(("yc-stored-name", "school-support"), (Assert.IsType<ConsentEvent.Granted>(stored.Data).Terms.SubjectId, ((ConsentEvent.Granted)stored.Data).Terms.Purpose));
        }
    }
}
