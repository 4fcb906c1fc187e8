namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// Append-only in the database (issue 19, part 4): the service's own role (which owns its database,
/// as <c>infra/deps</c> sets it up) may insert and read the ledger's tables, never update, delete
/// or truncate them; a superuser is stopped by the trigger too, until they switch triggers off.
/// And the rewrite attack of the issue, done that way (one entry's bytes changed, every later chain
/// hash, the head and the whole tree recomputed): the chain then verifies, but no consistency proof
/// links the checkpoint signed before to the rewritten tree, and the service refuses to sign it.
/// </summary>
public sealed class AppendOnlyTests : IAsyncLifetime
{
    private static readonly string[] LedgerTables = ["ledger", "ledger_key", "ledger_tree", "checkpoint", "checkpoint_cosignature"];

    private IsolatedDatabase? database;
    private NpgsqlDataSource? serviceRole;
    private NpgsqlDataSource? superuser;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private NpgsqlDataSource ServiceRole => serviceRole ?? throw new InvalidOperationException("not initialised");

    private NpgsqlDataSource Superuser => superuser ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync()
    {
        database = await IsolatedDatabase.CreateOwnedAsync((await PlatformInfrastructure.GetAsync()).PostgresServer, "audit_append");
        serviceRole = NpgsqlDataSource.Create(database.OwnerConnectionString!);
        superuser = NpgsqlDataSource.Create(database.ConnectionString);
        await AppendAsync(6);
    }

    public async ValueTask DisposeAsync()
    {
        if (serviceRole is not null) await serviceRole.DisposeAsync();
        if (superuser is not null) await superuser.DisposeAsync();
        if (database is not null) await database.DisposeAsync();
    }

    private async Task AppendAsync(int count)
    {
        var writer = new LedgerWriter(new LedgerDatabase(ServiceRole), TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            using var data = JsonDocument.Parse($$"""{"n":{{i}},"purpose":"school-support"}""");
            await writer.AppendAsync(new IncomingEvent(Guid.NewGuid(), "ConsentGranted", "consent", $"yc-{i}", DateTimeOffset.UtcNow, data.RootElement.Clone()), Ct);
        }
    }

    private CheckpointSigner Signer(NoteKey key)
    {
        var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        return new CheckpointSigner(
            new LedgerDatabase(ServiceRole), key, TimeProvider.System, Options.Create(new CheckpointOptions()),
            new AuditMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()), NullLogger<CheckpointSigner>.Instance);
    }

    private static async Task<PostgresException> RefusedAsync(NpgsqlDataSource source, string sql)
    {
        await using var connection = await source.OpenConnectionAsync(Ct);
        await using var command = new NpgsqlCommand(sql, connection);
        return await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Ct));
    }

    /// <summary>
    /// The timer, a reader's first <c>GET /checkpoint</c> and another instance may all sign the same grown tree at
    /// once. Under repeatable read the later insert is a serialization failure (not a skipped conflict), which
    /// reached a reader as a 500 (CI, issue 24's run); every signer now answers with the one checkpoint signed.
    /// </summary>
    [Fact]
    public async Task Signers_racing_to_sign_the_same_tree_all_answer_with_one_checkpoint_of_it()
    {
        var key = NoteKey.Generate("audit.test/append");
        for (var round = 0; round < 10; round++)
        {
            await AppendAsync(1);
            var signed = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Signer(key).SignIfGrownAsync(Ct), Ct)));

            var size = signed[0]!.TreeSize;
            Assert.All(signed, c => Assert.Equal((size, signed[0]!.Note), (c!.TreeSize, c.Note)));
            Assert.Equal(6 + round + 1, size);
        }
    }

    [Theory]
    [InlineData("update audit.{0} set {1}")]
    [InlineData("delete from audit.{0}")]
    [InlineData("truncate audit.{0}")]
    public async Task The_services_own_role_cannot_change_or_remove_ledger_rows(string statement)
    {
        await Signer(NoteKey.Generate("audit.test/append")).SignIfGrownAsync(Ct);
        var columns = new Dictionary<string, string>
        {
            ["ledger"] = "subject_id = 'yc-forged'",
            ["ledger_key"] = "key = 'subject:yc-forged'",
            ["ledger_tree"] = "hash = '\\x00'",
            ["checkpoint"] = "note = 'forged'",
            ["checkpoint_cosignature"] = "line = 'forged'",
        };

        foreach (var table in LedgerTables)
        {
            var refused = await RefusedAsync(ServiceRole, string.Format(System.Globalization.CultureInfo.InvariantCulture, statement, table, columns[table]));
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
            Assert.Contains("permission denied", refused.MessageText, StringComparison.Ordinal);
        }

        await using var connection = await ServiceRole.OpenConnectionAsync(Ct);
        Assert.True((await LedgerVerifier.VerifyAsync(connection, Ct)).Valid);
        // And it still appends: INSERT and SELECT are what it keeps.
        await AppendAsync(1);
        Assert.Equal(7, (await LedgerVerifier.VerifyAsync(connection, Ct)).Entries);
    }

    [Theory]
    [InlineData("update audit.ledger set subject_id = 'yc-forged' where sequence = 2", "UPDATE")]
    [InlineData("delete from audit.ledger where sequence = 6", "DELETE")]
    [InlineData("truncate audit.ledger_tree", "TRUNCATE")]
    [InlineData("update audit.ledger_tree set hash = '\\x00' where level = 0 and index = 1", "UPDATE")]
    public async Task A_superuser_is_stopped_by_the_trigger_until_they_switch_triggers_off(string sql, string operation)
    {
        var refused = await RefusedAsync(Superuser, sql);

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        Assert.Contains($"is append-only: {operation} refused", refused.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rewritten_ledger_verifies_as_a_chain_but_is_caught_by_the_checkpoint_signed_before()
    {
        var key = NoteKey.Generate("audit.test/rewrite");
        var signer = Signer(key);
        var before = (await signer.SignIfGrownAsync(Ct))!;
        Assert.Equal(6, before.TreeSize);
        // A witness keeps the checkpoint, outside the database.
        var witnessed = Checkpoint.Parse(SignedNote.Open(before.Note, NoteKey.ParseVerifier(key.VerifierKey))!)!;

        await LedgerRewrite.RewriteEntryAsync(Superuser, 3, dropCheckpoints: false);
        await AppendAsync(2);

        await using var connection = await ServiceRole.OpenConnectionAsync(Ct);
        // The chain alone is fooled: every hash after the edit was recomputed.
        Assert.True((await LedgerVerifier.VerifyAsync(connection, Ct)).Valid);
        // The rewritten tree is internally sound (its root folds from its leaves)…
        var leaves = new List<byte[]>();
        await using (var read = new NpgsqlCommand("select canonical from audit.ledger order by sequence", connection))
        await using (var reader = await read.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct)) leaves.Add(MerkleTree.LeafHash(reader.GetFieldValue<byte[]>(0)));
        }

        var newRoot = await LedgerTreeStore.RootAsync(connection, null, 8, Ct);
        Assert.Equal(MerkleTree.RootOf(leaves), newRoot);
        // …but it is not an extension of what the witness saw: no proof the log can give links them.
        var proof = await LedgerTreeStore.ConsistencyProofAsync(connection, null, witnessed.Size, 8, Ct);
        Assert.False(MerkleTree.VerifyConsistency(witnessed.Size, 8, witnessed.RootHash, newRoot, proof));
        Assert.NotEqual(witnessed.RootHash, await LedgerTreeStore.RootAsync(connection, null, witnessed.Size, Ct));

        // The service itself refuses to sign the rewritten tree: the latest checkpoint stays the honest one.
        var after = await signer.SignIfGrownAsync(Ct);
        Assert.Equal((6L, before.Note), (after!.TreeSize, after.Note));
    }
}
