namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>Every event published on the broker is ledgered once, with its type, source, subject and data, in one gap-free chain.</summary>
public sealed class LedgerTests(AuditFixture audit)
{
    [Fact]
    public async Task Published_events_of_each_service_are_ledgered_with_type_source_subject_and_data()
    {
        var s = new Samples();
        var consentId = Guid.NewGuid();
        var dsaId = Guid.NewGuid();
        var granted = s.Granted(consentId, s.T0, recipients: [s.School]);
        var drafted = s.Drafted(dsaId, s.T0);
        var activated = s.Activated(dsaId, 2, s.T0.AddMinutes(1));

        await audit.LedgerAsync(granted, drafted, activated);

        using var client = audit.Auditor();
        var mine = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}");
        var entry = Assert.Single(mine.Entries);
        Assert.Equal(("ConsentGranted", "consent", s.Subject), (entry.EventType, entry.Source, entry.SubjectId));
        Assert.Equal(granted.OccurredAt, entry.OccurredAt);
        Assert.Equal(consentId, entry.Data.GetProperty("consentId").GetGuid());
        Assert.Equal("active", entry.Data.GetProperty("status").GetString());
        Assert.Equal(granted.EventId, entry.Data.GetProperty("eventId").GetGuid());
        Assert.Equal(64, entry.Hash.Length);

        // The DSA's lifecycle event carries no parties, yet it is found under the DSA's organisations and purposes.
        var council = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?orgId={s.Council}");
        Assert.Equal(["DsaDrafted", "DsaActivated"], council.Entries.Select(e => e.EventType));
        Assert.All(council.Entries, e => Assert.Equal(("dsa-registry", null), (e.Source, e.SubjectId)));
        var purpose = await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?purpose={s.Purpose}");
        Assert.Equal(["ConsentGranted", "DsaDrafted", "DsaActivated"], purpose.Entries.Select(e => e.EventType));
    }

    [Fact]
    public async Task Duplicated_and_redelivered_events_are_ledgered_once()
    {
        var s = new Samples();
        var granted = s.Granted(Guid.NewGuid(), s.T0);
        var later = s.Granted(Guid.NewGuid(), s.T0.AddHours(1));

        await audit.PublishAsync(granted, granted, granted);
        // Published again under another message id: the event id decides, not the message id.
        await audit.Publisher.Publish(granted, TestContext.Current.CancellationToken);
        await audit.PublishAsync(later);
        await audit.LedgeredAsync(granted, later);

        using var client = audit.Auditor();
        var entries = (await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}")).Entries;
        Assert.Equal([granted.EventId, later.EventId], entries.Select(e => e.Data.GetProperty("eventId").GetGuid()));
    }

    [Fact]
    public async Task Events_from_concurrent_publishers_form_one_gap_free_chain_that_verifies()
    {
        var s = new Samples();
        var publishers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => TestBuses.StartAsync(audit.Host.VirtualHost)));
        try
        {
            var batches = publishers.Select(_ => Enumerable.Range(0, 25).Select(i => (IPlatformEvent)s.Granted(Guid.NewGuid(), s.T0.AddMinutes(i))).ToList()).ToList();

            await Task.WhenAll(publishers.Zip(batches, (bus, events) => TestBuses.PublishAsync(bus, events)));
            var sequences = await audit.LedgeredAsync(batches.SelectMany(b => b).Select(e => e.EventId));

            Assert.Equal(100, sequences.Values.Distinct().Count());
            await using var connection = await audit.Database.OpenAsync(CancellationToken.None);
            await using (var gaps = new NpgsqlCommand("select count(*), min(sequence), max(sequence) from audit.ledger", connection))
            await using (var reader = await gaps.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                await reader.ReadAsync(TestContext.Current.CancellationToken);
                Assert.Equal((reader.GetInt64(0), 1L), (reader.GetInt64(2), reader.GetInt64(1)));
            }

            var verification = await LedgerVerifier.VerifyAsync(connection, TestContext.Current.CancellationToken);
            Assert.True(verification.Valid);
            Assert.Null(verification.FirstInvalidSequence);
        }
        finally
        {
            foreach (var bus in publishers) await bus.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task An_event_type_this_build_does_not_know_is_still_ledgered_as_it_arrived()
    {
        var s = new Samples();
        var unknown = new Unknown.FutureEvent(Guid.NewGuid(), s.T0, s.Carer, s.Subject, "a field this build has never seen");

        await audit.LedgerAsync(unknown);

        using var client = audit.Auditor();
        var entry = Assert.Single((await audit.GetAsync<EntriesPage>(client, $"/api/audit/entries?subjectId={s.Subject}")).Entries);
        Assert.Equal(("FutureEvent", "unknown"), (entry.EventType, entry.Source));
        Assert.Equal("a field this build has never seen", entry.Data.GetProperty("novelty").GetString());
    }

    [Fact]
    public async Task Verify_over_http_recomputes_the_chain_and_names_the_head()
    {
        var s = new Samples();
        var granted = s.Granted(Guid.NewGuid(), s.T0);
        await audit.LedgerAsync(granted);

        using var client = audit.Auditor();
        var result = await audit.GetAsync<VerificationResult>(client, "/api/audit/verify");

        Assert.True(result.Valid);
        Assert.True(result.Entries >= 1);
        Assert.Matches("^[0-9a-f]{64}$", result.HeadHash);
    }

    [Fact]
    public async Task The_offline_verify_command_prints_the_same_answer_and_exits_0_when_valid()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await VerifyCommand.RunAsync(["verify", "--connection", audit.Host.Database.ConnectionString], output, error);

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(output.ToString());
        Assert.True(json.RootElement.GetProperty("valid").GetBoolean());
        Assert.Matches("^[0-9a-f]{64}$", json.RootElement.GetProperty("headHash").GetString());
    }
}
