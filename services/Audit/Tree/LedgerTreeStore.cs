namespace ConsentPlatform.Audit.Tree;

/// <summary>
/// The Merkle tree's stored hashes, <c>audit.ledger_tree(level, index, hash)</c>: every complete
/// subtree once, written in the append's own transaction (<see cref="AppendAsync"/>), never changed.
/// A root, an inclusion or a consistency proof reads only the O(log n) subtrees it folds, in one
/// query by primary key, whatever the ledger's size. The tree's size is its number of leaves.
/// </summary>
public static class LedgerTreeStore
{
    public const string Ddl = """
        create table if not exists audit.ledger_tree (
            level  smallint not null,
            index  bigint   not null,
            hash   bytea    not null,
            primary key (level, index)
        );
        """;

    private const int CatchUpPage = 1000;

    /// <summary>The number of leaves stored.</summary>
    public static async Task<long> SizeAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("select coalesce(max(index) + 1, 0) from audit.ledger_tree where level = 0", connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// Appends leaves (the canonical bytes of the entries after the tree's last leaf, in sequence
    /// order) and stores every subtree they complete. Caller holds the ledger head lock.
    /// </summary>
    public static async Task AppendAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long size, IReadOnlyList<byte[]> leafData, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(leafData);
        if (leafData.Count == 0) return;
        var frontier = await ReadAsync(connection, transaction, MerkleTree.Frontier(size), cancellationToken);
        var completed = MerkleTree.Append(size, frontier, [.. leafData.Select(d => MerkleTree.LeafHash(d))]);
        await using var insert = new NpgsqlCommand("insert into audit.ledger_tree (level, index, hash) select * from unnest(@levels, @indexes, @hashes)", connection, transaction);
        insert.Parameters.AddWithValue("levels", completed.Select(c => (short)c.Node.Level).ToArray());
        insert.Parameters.AddWithValue("indexes", completed.Select(c => c.Node.Index).ToArray());
        insert.Parameters.AddWithValue("hashes", NpgsqlDbType.Array | NpgsqlDbType.Bytea, completed.Select(c => c.Hash).ToArray());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the leaves of entries the tree does not have yet (a ledger written before the tree
    /// existed), in pages, up to <paramref name="headSequence"/>. Caller holds the ledger head lock.
    /// Returns the number of leaves added.
    /// </summary>
    public static async Task<long> CatchUpAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long headSequence, CancellationToken cancellationToken)
    {
        var size = await SizeAsync(connection, transaction, cancellationToken);
        var added = 0L;
        while (size < headSequence)
        {
            var page = new List<byte[]>(CatchUpPage);
            await using (var read = new NpgsqlCommand("select sequence, canonical from audit.ledger where sequence > @after and sequence <= @head order by sequence limit @limit", connection, transaction))
            {
                read.Parameters.AddWithValue("after", size);
                read.Parameters.AddWithValue("head", headSequence);
                read.Parameters.AddWithValue("limit", CatchUpPage);
                await using var reader = await read.ExecuteReaderAsync(cancellationToken);
                while (await reader.ReadAsync(cancellationToken))
                {
                    var sequence = reader.GetInt64(0);
                    if (sequence != size + page.Count + 1) throw new InvalidOperationException($"The ledger has no entry {size + page.Count + 1}: the tree cannot be built past it.");
                    page.Add(reader.GetFieldValue<byte[]>(1));
                }
            }

            if (page.Count == 0) throw new InvalidOperationException($"The ledger head is at {headSequence} but no entry follows {size}.");
            await AppendAsync(connection, transaction, size, page, cancellationToken);
            size += page.Count;
            added += page.Count;
        }

        return added;
    }

    /// <summary>The hash of the tree of the first <paramref name="size"/> leaves.</summary>
    public static async Task<byte[]> RootAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long size, CancellationToken cancellationToken) =>
        (await RangeHashesAsync(connection, transaction, [(0, size)], cancellationToken))[0];

    public static async Task<IReadOnlyList<byte[]>> InclusionProofAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long index, long size, CancellationToken cancellationToken) =>
        await RangeHashesAsync(connection, transaction, MerkleTree.InclusionRanges(index, size), cancellationToken);

    public static async Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, long oldSize, long newSize, CancellationToken cancellationToken) =>
        await RangeHashesAsync(connection, transaction, MerkleTree.ConsistencyRanges(oldSize, newSize), cancellationToken);

    /// <summary>The hashes of the given ranges, each folded from its complete subtrees; one query for all of them.</summary>
    public static async Task<IReadOnlyList<byte[]>> RangeHashesAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<(long Start, long End)> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var subtrees = ranges.Select(r => MerkleTree.Subtrees(r.Start, r.End)).ToList();
        var hashes = await ReadAsync(connection, transaction, [.. subtrees.SelectMany(s => s).Distinct()], cancellationToken);
        return [.. subtrees.Select(s => MerkleTree.Fold([.. s.Select(node => hashes.TryGetValue(node, out var hash)
            ? hash
            : throw new InvalidOperationException($"The tree has no hash at level {node.Level} index {node.Index}: it is smaller than asked."))]))];
    }

    private static async Task<Dictionary<TreeNode, byte[]>> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<TreeNode> nodes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<TreeNode, byte[]>(nodes.Count);
        if (nodes.Count == 0) return found;
        await using var command = new NpgsqlCommand(
            "select t.level, t.index, t.hash from unnest(@levels, @indexes) as n(level, index) join audit.ledger_tree t on t.level = n.level and t.index = n.index",
            connection,
            transaction);
        command.Parameters.AddWithValue("levels", nodes.Select(n => (short)n.Level).ToArray());
        command.Parameters.AddWithValue("indexes", nodes.Select(n => n.Index).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) found[new TreeNode(reader.GetInt16(0), reader.GetInt64(1))] = reader.GetFieldValue<byte[]>(2);
        return found;
    }
}
