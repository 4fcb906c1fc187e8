namespace ConsentPlatform.Security.Tests;

/// <summary>
/// Someone with write access to the audit database edits an entry, removes one, or swaps two;
/// <c>GET /api/audit/verify</c> names the first sequence that no longer holds. Each attack starts
/// from a valid ledger and puts the rows back afterwards (proven by a valid verification again), so
/// every test sees the same fresh state. Runs alone: a tampered ledger would fail anyone else's check.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class TamperingTests(TamperingWorld world) : IClassFixture<TamperingWorld>
{
    [Fact]
    public async Task Edited_entry_is_named_by_its_sequence()
    {
        var target = world.Sequence;

        await TamperedAsync(
            $"update audit.ledger set canonical = convert_to(replace(convert_from(canonical, 'UTF8'), '\"eventId\"', '\"reason\":\"nothing to see here\",\"eventId\"'), 'UTF8') where sequence = {target}",
            expectedFirstInvalid: target);
    }

    [Fact]
    public async Task Edited_event_type_is_named_by_its_sequence()
    {
        var target = world.Sequence;

        await TamperedAsync($"update audit.ledger set event_type = 'DsaTerminated' where sequence = {target}", expectedFirstInvalid: target);
    }

    [Fact]
    public async Task Removed_entry_is_named_by_its_sequence()
    {
        var target = world.Sequence;

        await TamperedAsync($"delete from audit.ledger where sequence = {target}", expectedFirstInvalid: target);
    }

    [Fact]
    public async Task Swapped_entries_are_named_by_the_first_sequence()
    {
        var target = world.Sequence;

        await TamperedAsync(
            $"""
             update audit.ledger set sequence = -1 where sequence = {target};
             update audit.ledger set sequence = {target} where sequence = {target + 1};
             update audit.ledger set sequence = {target + 1} where sequence = -1;
             """,
            expectedFirstInvalid: target);
    }

    /// <summary>
    /// Copies the rows it may touch, tampers, asks <c>verify</c>, and puts the copies back whatever happened.
    /// The two rows from <see cref="TamperingWorld.Sequence"/> are the only ones any attack here touches.
    /// </summary>
    private async Task TamperedAsync(string sql, long expectedFirstInvalid)
    {
        var ct = TestContext.Current.CancellationToken;
        var backup = "tamper_backup_" + Guid.NewGuid().ToString("N")[..8];
        var first = world.Sequence;
        await using var connection = new NpgsqlConnection(world.Platform.Databases["audit"].ConnectionString);
        await connection.OpenAsync(ct);
        Assert.True((await world.VerifyAsync()).GetProperty("valid").GetBoolean(), "the ledger is valid before the attack");
        await ExecuteAsync(connection, $"create table audit.{backup} as select * from audit.ledger where sequence in ({first}, {first + 1})", ct);
        try
        {
            await ExecuteAsync(connection, sql, ct);

            var verdict = await world.VerifyAsync();

            Assert.False(verdict.GetProperty("valid").GetBoolean(), verdict.ToString());
            Assert.Equal(expectedFirstInvalid, verdict.GetProperty("firstInvalidSequence").GetInt64());
        }
        finally
        {
            await ExecuteAsync(connection, $"""
                begin;
                delete from audit.ledger where sequence in ({first}, {first + 1}, -1);
                insert into audit.ledger select * from audit.{backup};
                drop table audit.{backup};
                commit;
                """, ct);
        }

        Assert.True((await world.VerifyAsync()).GetProperty("valid").GetBoolean(), "the ledger is valid again once the rows are back");
    }

    /// <summary>As the server's superuser, who can switch the ledger's append-only triggers off (issue 19): the attack the chain must still reveal.</summary>
    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("set session_replication_role = replica; " + sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>A few ledgered events of the tests' own (a DSA drafted, activated and suspended), and the auditor who verifies.</summary>
public sealed class TamperingWorld(PlatformProcesses platform) : IAsyncLifetime
{
    private HttpClient? auditor;

    public PlatformProcesses Platform => platform;

    /// <summary>The sequence of this class's first ledgered event; the next one is ledgered too.</summary>
    public long Sequence { get; private set; }

    public async ValueTask InitializeAsync()
    {
        using var ig = await platform.ClientAsAsync(PlatformRoles.IgOfficer, org: Scenario.LocalAuthority, name: "tampering");
        var drafted = await (await ig.PostJsonAsync("/api/dsas", Scenario.SchoolSupportDsa("Tampering tests"))).ExpectJsonAsync(HttpStatusCode.Created);
        var id = drafted.GetProperty("id").GetString()!;
        await platform.SignByEveryPartyAsync(id);
        await (await ig.PostJsonAsync($"/api/dsas/{id}/suspend", new { reason = "Suspended for the tampering tests" })).ExpectJsonAsync(HttpStatusCode.OK);
        var stores = new Stores(platform);
        await stores.WaitUntilLedgerCaughtUpAsync(TimeSpan.FromSeconds(60));
        Sequence = await stores.ScalarAsync<long>("audit", "select min(sequence) from audit.ledger where strpos(convert_from(canonical, 'UTF8'), @id) > 0", ("id", id));
        auditor = await platform.ClientAsAsync(PlatformRoles.Auditor, name: "tampering-auditor");
    }

    public async Task<JsonElement> VerifyAsync() =>
        await (await auditor!.GetAsync(new Uri("/api/audit/verify", UriKind.Relative))).ExpectJsonAsync(HttpStatusCode.OK);

    public ValueTask DisposeAsync()
    {
        auditor?.Dispose();
        return ValueTask.CompletedTask;
    }
}
