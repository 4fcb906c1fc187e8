namespace ConsentPlatform.Audit.Tests;

/// <summary>
/// The ledger's RFC 6962 Merkle tree, pure: the known answers of RFC 6962's test leaves (the
/// vectors Certificate Transparency's and transparency-dev's implementations share), the stored
/// subtrees folded into the same roots and proofs as the recursive definition for every size up
/// to 70, and the verifiers refusing any altered proof, leaf, index or root.
/// </summary>
public sealed class MerkleTreeTests
{
    private static readonly byte[][] Leaves =
        [.. new[] { "", "00", "10", "2021", "3031", "40414243", "5051525354555657", "606162636465666768696a6b6c6d6e6f" }.Select(Convert.FromHexString)];

    /// <summary>RFC 6962 test vectors: the roots of the first 0…8 leaves.</summary>
    private static readonly string[] Roots =
    [
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    /// <summary>RFC 6962 test vectors: every complete subtree of the 8-leaf tree, by level and index.</summary>
    private static readonly string[][] NodeHashes =
    [
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7", "07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b", "4271a26be0d8a84f0bd54c8c302e7cb3a3b5d1fa6780a40bcce2873477dab658",
            "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "46f6ffadd3d06a09ff3c5860d2755c8b9819db7df44251788c7d8e3180de8eb1",
        ],
        [
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
        ],
        ["d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"],
        ["5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"],
    ];

    /// <summary>In-memory stand-in for <c>audit.ledger_tree</c>, filled the way an append fills it.</summary>
    private sealed class Store
    {
        public Dictionary<TreeNode, byte[]> Nodes { get; } = [];

        public long Size { get; private set; }

        /// <summary>A store holding the tree over <paramref name="data"/>, appended in one go.</summary>
        public static Store Of(IReadOnlyList<byte[]> data)
        {
            var store = new Store();
            store.Append(data);
            return store;
        }

        public void Append(IReadOnlyList<byte[]> data)
        {
            var frontier = MerkleTree.Frontier(Size).ToDictionary(n => n, n => Nodes[n]);
            foreach (var (node, hash) in MerkleTree.Append(Size, frontier, [.. data.Select(d => MerkleTree.LeafHash(d))]))
            {
                Assert.True(Nodes.TryAdd(node, hash), $"level {node.Level} index {node.Index} written twice");
            }

            Size += data.Count;
        }

        public byte[] Hash(long start, long end) => MerkleTree.Fold([.. MerkleTree.Subtrees(start, end).Select(n => Nodes[n])]);

        public List<byte[]> Proof(IReadOnlyList<(long Start, long End)> ranges) => [.. ranges.Select(r => Hash(r.Start, r.End))];
    }

    private static byte[][] Data(int count) => [.. Enumerable.Range(0, count).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{\"sequence\":{i + 1}}}"))];

    private static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);

    private static List<byte[]> Hashes(params string[] hex) => [.. hex.Select(Convert.FromHexString)];

    /// <summary>RFC 6962 §2.1.1 PATH, straight from the definition over all leaf hashes.</summary>
    private static List<byte[]> ReferencePath(int m, byte[][] leaves)
    {
        if (leaves.Length == 1) return [];
        var k = 1;
        while (k * 2 < leaves.Length) k *= 2;
        return m < k
            ? [.. ReferencePath(m, leaves[..k]), MerkleTree.RootOf(leaves[k..])]
            : [.. ReferencePath(m - k, leaves[k..]), MerkleTree.RootOf(leaves[..k])];
    }

    /// <summary>RFC 6962 §2.1.2 SUBPROOF, straight from the definition.</summary>
    private static List<byte[]> ReferenceSubProof(int m, byte[][] leaves, bool complete)
    {
        if (m == leaves.Length) return complete ? [] : [MerkleTree.RootOf(leaves)];
        var k = 1;
        while (k * 2 < leaves.Length) k *= 2;
        return m <= k
            ? [.. ReferenceSubProof(m, leaves[..k], complete), MerkleTree.RootOf(leaves[k..])]
            : [.. ReferenceSubProof(m - k, leaves[k..], false), MerkleTree.RootOf(leaves[..k])];
    }

    [Fact]
    public void Given_the_RFC_6962_test_leaves_When_hashed_Then_every_root_is_the_known_one()
    {
        var leafHashes = Leaves.Select(l => MerkleTree.LeafHash(l)).ToArray();

        Assert.Equal(Roots, Enumerable.Range(0, 9).Select(n => Hex(MerkleTree.RootOf(leafHashes[..n]))));
        Assert.Equal(Roots[0], Hex(MerkleTree.EmptyRoot));
    }

    [Fact]
    public void Given_the_test_leaves_appended_one_at_a_time_When_stored_Then_every_subtree_is_the_known_one_and_every_root_folds()
    {
        var store = new Store();
        var roots = new List<string> { Hex(store.Hash(0, 0)) };
        foreach (var leaf in Leaves)
        {
            store.Append([leaf]);
            roots.Add(Hex(store.Hash(0, store.Size)));
        }

        Assert.Equal(Roots, roots);
        var expected = NodeHashes.SelectMany((level, l) => level.Select((hash, i) => (new TreeNode(l, i), hash))).ToDictionary();
        Assert.Equal(expected.OrderBy(e => (e.Key.Level, e.Key.Index)), store.Nodes.ToDictionary(n => n.Key, n => Hex(n.Value)).OrderBy(e => (e.Key.Level, e.Key.Index)));
    }

    [Fact]
    public void Given_batches_of_any_size_When_appended_Then_the_same_subtrees_are_stored_as_one_at_a_time()
    {
        var data = Data(300);
        var oneByOne = new Store();
        foreach (var d in data) oneByOne.Append([d]);
        var batched = new Store();
        var random = new Random(19);
        for (var i = 0; i < data.Length;)
        {
            var count = Math.Min(random.Next(1, 40), data.Length - i);
            batched.Append(data[i..(i + count)]);
            i += count;
        }

        Assert.Equal(oneByOne.Nodes.Count, batched.Nodes.Count);
        Assert.All(oneByOne.Nodes, n => Assert.Equal(n.Value, batched.Nodes[n.Key]));
        Assert.Equal(MerkleTree.RootOf([.. data.Select(d => MerkleTree.LeafHash(d))]), batched.Hash(0, 300));
    }

    [Theory]
    [InlineData(0, 8, new[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(3, 8, new[] { "0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7", "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(7, 8, new[] { "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(6, 7, new[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(0, 1, new string[0])]
    public void Given_the_test_tree_When_an_inclusion_proof_is_made_Then_it_is_the_known_one_and_verifies(int index, int size, string[] expected)
    {
        var store = Store.Of(Leaves);

        var proof = store.Proof(MerkleTree.InclusionRanges(index, size));

        Assert.Equal(expected, proof.Select(Hex));
        Assert.True(MerkleTree.VerifyInclusion(MerkleTree.LeafHash(Leaves[index]), index, size, proof, Convert.FromHexString(Roots[size])));
    }

    [Theory]
    [InlineData(1, 8, new[] { "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7", "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4" })]
    [InlineData(6, 8, new[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(2, 5, new[] { "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e", "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b" })]
    [InlineData(6, 7, new[] { "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a", "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7" })]
    [InlineData(1, 1, new string[0])]
    public void Given_the_test_tree_When_a_consistency_proof_is_made_Then_it_is_the_known_one_and_verifies(int oldSize, int newSize, string[] expected)
    {
        var store = Store.Of(Leaves);

        var proof = store.Proof(MerkleTree.ConsistencyRanges(oldSize, newSize));

        Assert.Equal(expected, proof.Select(Hex));
        Assert.True(MerkleTree.VerifyConsistency(oldSize, newSize, Convert.FromHexString(Roots[oldSize]), Convert.FromHexString(Roots[newSize]), proof));
    }

    [Fact]
    public void Given_every_tree_up_to_70_leaves_When_inclusion_proofs_are_made_from_stored_subtrees_Then_they_equal_the_definition_and_verify()
    {
        var data = Data(70);
        var leafHashes = data.Select(d => MerkleTree.LeafHash(d)).ToArray();
        var store = Store.Of(data);
        for (var size = 1; size <= 70; size++)
        {
            var root = store.Hash(0, size);
            Assert.Equal(MerkleTree.RootOf(leafHashes[..size]), root);
            for (var index = 0; index < size; index++)
            {
                var proof = store.Proof(MerkleTree.InclusionRanges(index, size));
                Assert.Equal(ReferencePath(index, leafHashes[..size]), proof);
                Assert.True(MerkleTree.VerifyInclusion(leafHashes[index], index, size, proof, root), $"leaf {index} of {size}");
            }
        }
    }

    [Fact]
    public void Given_every_pair_of_trees_up_to_70_leaves_When_consistency_proofs_are_made_Then_they_equal_the_definition_and_verify()
    {
        var data = Data(70);
        var leafHashes = data.Select(d => MerkleTree.LeafHash(d)).ToArray();
        var store = Store.Of(data);
        for (var newSize = 1; newSize <= 70; newSize++)
        {
            for (var oldSize = 1; oldSize <= newSize; oldSize++)
            {
                var proof = store.Proof(MerkleTree.ConsistencyRanges(oldSize, newSize));
                Assert.Equal(oldSize == newSize ? [] : ReferenceSubProof(oldSize, leafHashes[..newSize], true), proof);
                Assert.True(MerkleTree.VerifyConsistency(oldSize, newSize, store.Hash(0, oldSize), store.Hash(0, newSize), proof), $"{oldSize} to {newSize}");
            }
        }
    }

    [Fact]
    public void Given_a_valid_inclusion_proof_When_anything_is_altered_Then_it_does_not_verify()
    {
        var data = Data(13);
        var store = Store.Of(data);
        var root = store.Hash(0, 13);
        var leaf = MerkleTree.LeafHash(data[5]);
        var proof = store.Proof(MerkleTree.InclusionRanges(5, 13));
        Assert.True(MerkleTree.VerifyInclusion(leaf, 5, 13, proof, root));

        for (var i = 0; i < proof.Count; i++)
        {
            var flipped = proof.Select(p => p.ToArray()).ToList();
            flipped[i][7] ^= 0x01;
            Assert.False(MerkleTree.VerifyInclusion(leaf, 5, 13, flipped, root), $"proof hash {i} flipped");
        }

        Assert.False(MerkleTree.VerifyInclusion(MerkleTree.LeafHash(data[6]), 5, 13, proof, root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 4, 13, proof, root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 5, 64, proof, root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 5, 13, proof[..^1], root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 5, 13, [.. proof, proof[0]], root));
        Assert.False(MerkleTree.VerifyInclusion(leaf, 5, 13, proof, store.Hash(0, 12)));
        // The leaf hash is of the leaf data with its 0x00 prefix: a node hash standing in for it is refused.
        Assert.False(MerkleTree.VerifyInclusion(data[5], 5, 13, proof, root));
    }

    [Fact]
    public void Given_a_rewritten_leaf_When_a_consistency_proof_is_made_from_the_old_root_Then_it_does_not_verify()
    {
        var data = Data(20);
        var honest = new Store();
        honest.Append(data[..11]);
        var oldRoot = honest.Hash(0, 11);

        var rewritten = data.Select(d => d.ToArray()).ToArray();
        rewritten[4][2] ^= 0x20;
        var forged = new Store();
        forged.Append(rewritten);

        var proof = forged.Proof(MerkleTree.ConsistencyRanges(11, 20));
        Assert.False(MerkleTree.VerifyConsistency(11, 20, oldRoot, forged.Hash(0, 20), proof));
        honest.Append(data[11..]);
        Assert.True(MerkleTree.VerifyConsistency(11, 20, oldRoot, honest.Hash(0, 20), honest.Proof(MerkleTree.ConsistencyRanges(11, 20))));
    }

    [Fact]
    public void Given_a_range_When_split_into_subtrees_Then_they_are_aligned_complete_and_cover_it_in_order()
    {
        Assert.Equal([new TreeNode(3, 0), new TreeNode(2, 2), new TreeNode(0, 12)], MerkleTree.Subtrees(0, 13));
        Assert.Equal([new TreeNode(2, 2), new TreeNode(0, 12)], MerkleTree.Subtrees(8, 13));
        Assert.Empty(MerkleTree.Subtrees(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.InclusionRanges(5, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => MerkleTree.ConsistencyRanges(6, 5));
    }
}
