namespace ConsentPlatform.Audit.IntegrationTests;

/// <summary>
/// The Merkle tree in PostgreSQL: written in the append's transaction, one leaf per entry over its
/// stored canonical bytes, its stored subtrees folding into the root and proofs the RFC 6962
/// definition gives over all entries; and a ledger without a tree gets one when the service starts.
/// </summary>
public sealed class LedgerTreeTests() : OwnLedgerDatabase("audit_tree")
{
    private async Task AppendAsync(int count, int batch)
    {
        var writer = new LedgerWriter(new LedgerDatabase(DataSource), TimeProvider.System);
        for (var i = 0; i < count; i += batch)
        {
            await writer.AppendBatchAsync([.. Enumerable.Range(i, Math.Min(batch, count - i)).Select(Event)], TestContext.Current.CancellationToken);
        }
    }

    private async Task<byte[][]> LeafHashesAsync(NpgsqlConnection connection)
    {
        var leaves = new List<byte[]>();
        await using var command = new NpgsqlCommand("select canonical from audit.ledger order by sequence", connection);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken)) leaves.Add(MerkleTree.LeafHash(reader.GetFieldValue<byte[]>(0)));
        return [.. leaves];
    }

    [Fact]
    public async Task Appended_batches_give_the_tree_of_every_entry_and_proofs_that_verify()
    {
        await AppendAsync(37, batch: 5);
        await AppendAsync(1, batch: 1);
        await AppendAsync(12, batch: 12);

        await using var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var leaves = await LeafHashesAsync(connection);
        Assert.Equal(50, leaves.Length);
        Assert.Equal(50, await LedgerTreeStore.SizeAsync(connection, null, TestContext.Current.CancellationToken));
        foreach (var size in new[] { 1, 2, 7, 32, 33, 50 })
        {
            var root = await LedgerTreeStore.RootAsync(connection, null, size, TestContext.Current.CancellationToken);
            Assert.Equal(MerkleTree.RootOf(leaves[..size]), root);
            foreach (var index in new[] { 0, size / 2, size - 1 })
            {
                var proof = await LedgerTreeStore.InclusionProofAsync(connection, null, index, size, TestContext.Current.CancellationToken);
                Assert.True(MerkleTree.VerifyInclusion(leaves[index], index, size, proof, root), $"leaf {index} of {size}");
            }
        }

        var oldRoot = await LedgerTreeStore.RootAsync(connection, null, 13, TestContext.Current.CancellationToken);
        var consistency = await LedgerTreeStore.ConsistencyProofAsync(connection, null, 13, 50, TestContext.Current.CancellationToken);
        Assert.True(MerkleTree.VerifyConsistency(13, 50, oldRoot, MerkleTree.RootOf(leaves), consistency));
    }

    [Fact]
    public async Task A_ledger_without_a_tree_gets_one_at_start_and_appends_continue_it()
    {
        await AppendAsync(23, batch: 4);
        await using (var connection = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        await using (var drop = new NpgsqlCommand("drop table audit.ledger_tree", connection))
        {
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        // A new process: the schema check at start builds the tree over the 23 entries.
        await new LedgerDatabase(DataSource).EnsureCreatedAsync(TestContext.Current.CancellationToken);
        await AppendAsync(3, batch: 3);

        await using var check = await DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var leaves = await LeafHashesAsync(check);
        Assert.Equal(26, await LedgerTreeStore.SizeAsync(check, null, TestContext.Current.CancellationToken));
        Assert.Equal(MerkleTree.RootOf(leaves), await LedgerTreeStore.RootAsync(check, null, 26, TestContext.Current.CancellationToken));
        Assert.Equal(MerkleTree.RootOf(leaves[..23]), await LedgerTreeStore.RootAsync(check, null, 23, TestContext.Current.CancellationToken));
    }
}
