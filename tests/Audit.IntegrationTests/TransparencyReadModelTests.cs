namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// The transparency view's read model (ADR 0017) is exact: for every young carer it holds what a
/// full rebuild from the ledger gives, after a story that mixes every kind of event the view
/// shows, for several young carers at once; and an existing ledger gets its read model by catch-up.
/// </summary>
public sealed class TransparencyReadModelTests(AuditFixture audit)
{
    private TransparencyProjection Projection => audit.Host.Services.GetRequiredService<TransparencyProjection>();

    [Fact]
    public async Task Read_model_equals_a_full_rebuild_for_every_young_carer_after_a_mixed_story()
    {
        var subjects = await LedgeredMixedStoryAsync();

        foreach (var subject in subjects)
        {
            var stored = await StoredRowsAsync(subject);
            var rebuilt = await Projection.RebuildAsync(subject, TestContext.Current.CancellationToken);

            Assert.NotEmpty(rebuilt);
            Assert.Equal(Json(rebuilt), Json(stored));
            Assert.Equal(Json(await ViewsAsync(rebuilt)), Json(await ViewsAsync(await Projection.ForSubjectAsync(subject, TestContext.Current.CancellationToken))));
        }

        // What the story did shows through the read model: one young carer's three requests, each in its own state.
        var first = await ViewsAsync(await StoredRowsAsync(subjects[0]));
        Assert.Equal(["denied", "destroyed", "released"], first.Select(d => d.Status).Order(StringComparer.Ordinal));
        var released = first.Single(d => d.Status == "released");
        Assert.Equal((2, 1), (released.Reads.Count, released.RefusedReads.Count));
        Assert.Equal("The school", released.RequestedByName);
        var destroyed = first.Single(d => d.Status == "destroyed");
        Assert.Equal(DeletionOutcome.Retained, destroyed.Deletion!.Outcome);
        Assert.NotNull(destroyed.BlockedAt);
        var overridden = Assert.Single(await ViewsAsync(await StoredRowsAsync(subjects[1])));
        Assert.Equal("released", overridden.Status);
        Assert.NotNull(overridden.SafeguardingOverride);
    }

    [Fact]
    public async Task An_existing_ledger_gets_its_read_model_by_catching_up_and_the_view_is_exact_meanwhile()
    {
        var subjects = await LedgeredMixedStoryAsync();
        var before = new Dictionary<string, string>();
        foreach (var subject in subjects) before[subject] = Json(await ViewsAsync(await Projection.RebuildAsync(subject, TestContext.Current.CancellationToken)));

        // A ledger written before the read model existed: no rows for these young carers, and the read model's head at 0.
        await ExecuteAsync(
            """
            select sequence from audit.ledger_head where id = 1 for update;
            delete from audit.transparency_disclosure where subject_id = any(@subjects);
            update audit.transparency_head set sequence = 0 where id = 1;
            """,
            subjects);

        // Behind the ledger (until the catch-up, which the service also runs every few seconds): rebuilt per request, the same answer.
        foreach (var subject in subjects)
        {
            Assert.Equal(before[subject], Json(await ViewsAsync(await Projection.ForSubjectAsync(subject, TestContext.Current.CancellationToken))));
        }

        await Projection.CatchUpAsync(TestContext.Current.CancellationToken);

        Assert.True(await ReadModelIsCurrentAsync());
        foreach (var subject in subjects)
        {
            Assert.NotEmpty(await StoredRowsAsync(subject));
            Assert.Equal(before[subject], Json(await ViewsAsync(await StoredRowsAsync(subject))));
            Assert.Equal(Json(await Projection.RebuildAsync(subject, TestContext.Current.CancellationToken)), Json(await StoredRowsAsync(subject)));
        }
    }

    /// <summary>The mixed story published, ledgered and caught up with; its young carers.</summary>
    private async Task<string[]> LedgeredMixedStoryAsync()
    {
        var (subjects, events) = MixedStory();
        await audit.LedgerAsync(events);
        await Projection.CatchUpAsync(TestContext.Current.CancellationToken);
        return subjects;
    }

    /// <summary>
    /// Three young carers: the first with a request released, read and refused a read; one denied;
    /// one blocked by a withdrawal after a read, the recipient asked to delete (it retained, and
    /// said why) and the package destroyed. The second with a safeguarding override under a notice
    /// delay that ended, released. The third with a request awaiting approval, purged after its
    /// release was refused. DSA and consent entries in between, and an amendment of the DSA.
    /// </summary>
    private static (string[] Subjects, IPlatformEvent[] Events) MixedStory()
    {
        var (a, b, c) = (new Samples(), new Samples(), new Samples());
        var (dsaId, consentId, t) = (Guid.NewGuid(), Guid.NewGuid(), a.T0);
        var released = new DisclosureStory(a);
        var denied = new DisclosureStory(a);
        var withdrawn = new DisclosureStory(a);
        var overridden = new DisclosureStory(b, ShareBasis.Safeguarding, "Risk at home.");
        var refused = new DisclosureStory(c);
        var approval = overridden.OverrideApproved(t.AddMinutes(30), "rationale for auditors");
        var ok = DisclosureStory.Decision(ShareOutcome.Approved, t.AddMinutes(10), consentId, 1, dsaId, 2);
        return (
            [a.Subject, b.Subject, c.Subject],
            [
                a.Drafted(dsaId, t),
                a.Activated(dsaId, 2, t.AddMinutes(1)),
                a.Granted(consentId, t.AddMinutes(2)),
                released.Requested(t.AddMinutes(10)),
                denied.Requested(t.AddMinutes(11)),
                overridden.Requested(t.AddMinutes(12)),
                released.Approved(ok),
                denied.Denied(DisclosureStory.Decision(ShareOutcome.Denied, t.AddMinutes(11), dsaId: dsaId, dsaVersion: 2, reasons: ReasonCode.ConsentMissing)),
                overridden.Awaiting(DisclosureStory.Decision(ShareOutcome.AwaitingOverrideApproval, t.AddMinutes(12), dsaId: dsaId, dsaVersion: 2)),
                released.Released(ok with { CheckedAt = t.AddMinutes(20) }),
                a.Paused(consentId, 2, t.AddMinutes(2), t.AddMinutes(21)),
                released.Read(ok with { CheckedAt = t.AddMinutes(22) }),
                released.ReadRefused(DisclosureStory.Decision(ShareOutcome.Denied, t.AddMinutes(23), consentId, 2, dsaId, 2, ReasonCode.ConsentPaused)),
                a.Resumed(consentId, 3, t.AddMinutes(2), t.AddMinutes(24)),
                released.Read(ok with { CheckedAt = t.AddMinutes(25) }),
                approval,
                new OverrideNoticeDelayed(Guid.NewGuid(), overridden.DisclosureId, b.Subject, b.Purpose, b.School, b.Council, t.AddDays(2), "investigation", overridden.Lead, t.AddMinutes(30)),
                overridden.Approved(DisclosureStory.Decision(ShareOutcome.Approved, t.AddMinutes(30), dsaId: dsaId, dsaVersion: 2), approval.Approval),
                new OverrideNoticeDelayEnded(Guid.NewGuid(), overridden.DisclosureId, b.Subject, b.Purpose, b.School, b.Council, overridden.Lead, t.AddMinutes(40)),
                overridden.Released(DisclosureStory.Decision(ShareOutcome.Approved, t.AddMinutes(41), dsaId: dsaId, dsaVersion: 2)),
                withdrawn.Requested(t.AddMinutes(50)),
                withdrawn.Approved(ok with { CheckedAt = t.AddMinutes(50) }),
                withdrawn.Released(ok with { CheckedAt = t.AddMinutes(51) }),
                withdrawn.Read(ok with { CheckedAt = t.AddMinutes(52) }),
                new DisclosureBlocked(Guid.NewGuid(), withdrawn.DisclosureId, a.Subject, a.Purpose, a.School, a.Council, consentId, ConsentStatus.Withdrawn, a.Carer, t.AddMinutes(60)),
                new DeletionRequested(Guid.NewGuid(), withdrawn.DisclosureId, a.Subject, a.Purpose, a.School, a.Council, consentId, t.AddDays(30), a.Carer, t.AddMinutes(60)),
                new DeletionAnswered(Guid.NewGuid(), withdrawn.DisclosureId, a.Subject, a.Purpose, a.School, a.Council, DeletionOutcome.Retained, "Kept on the safeguarding file.", withdrawn.Teacher, t.AddMinutes(70)),
                new PackageDestroyed(Guid.NewGuid(), withdrawn.DisclosureId, a.Subject, a.Purpose, a.School, a.Council, consentId, withdrawn.HolderPractitioner, t.AddMinutes(71)),
                refused.Requested(t.AddMinutes(80)),
                refused.Awaiting(DisclosureStory.Decision(ShareOutcome.AwaitingOverrideApproval, t.AddMinutes(80), dsaId: dsaId, dsaVersion: 2)),
                new DisclosureReleaseRefused(Guid.NewGuid(), refused.DisclosureId, c.Subject, c.Purpose, c.School, c.Council, DisclosureStory.Decision(ShareOutcome.Denied, t.AddMinutes(81), dsaId: dsaId, dsaVersion: 2, reasons: ReasonCode.ConsentMissing), null, null, refused.HolderPractitioner, t.AddMinutes(81)),
                new PackagePurged(Guid.NewGuid(), refused.DisclosureId, c.Subject, c.Purpose, c.School, c.Council, 30, refused.HolderPractitioner, t.AddMinutes(90)),
            ]);
    }

    private Task<IReadOnlyList<MyDisclosure>> ViewsAsync(IReadOnlyList<DisclosureTransparency> states) =>
        MyDisclosuresEndpoint.ViewsAsync(states, audit.Host.Services.GetRequiredService<LedgerReader>(), DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);

    /// <summary>The read model's rows of one young carer, straight from its table.</summary>
    private async Task<IReadOnlyList<DisclosureTransparency>> StoredRowsAsync(string subject)
    {
        var rows = new List<DisclosureTransparency>();
        await using var connection = await audit.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select state::text from audit.transparency_disclosure where subject_id = @subject order by first_sequence", connection);
        command.Parameters.AddWithValue("subject", subject);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) rows.Add(JsonSerializer.Deserialize<DisclosureTransparency>(reader.GetString(0), AuditJson.Data)!);
        return rows;
    }

    private async Task<bool> ReadModelIsCurrentAsync()
    {
        await using var connection = await audit.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand("select h.sequence <= t.sequence from audit.ledger_head h, audit.transparency_head t", connection);
        return await command.ExecuteScalarAsync(TestContext.Current.CancellationToken) is true;
    }

    private async Task ExecuteAsync(string sql, string[] subjects)
    {
        await using var connection = await audit.Database.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("subjects", subjects);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        await transaction.CommitAsync(TestContext.Current.CancellationToken);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, AuditJson.Data);
}
