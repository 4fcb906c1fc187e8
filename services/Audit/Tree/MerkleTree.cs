using System.Numerics;
using System.Security.Cryptography;

namespace ConsentPlatform.Audit.Tree;

/// <summary>
/// A complete subtree of the ledger's Merkle tree: the <c>2^Level</c> leaves from
/// <c>Index · 2^Level</c> on. Level 0 are the leaves themselves. Once all its leaves exist its hash
/// never changes, so it is stored once and every root and proof is folded from a few of them.
/// </summary>
public readonly record struct TreeNode(int Level, long Index)
{
    public long Start => Index << Level;

    public long End => (Index + 1) << Level;
}

/// <summary>
/// The RFC 6962 (§2.1) Merkle tree over the ledger, pure: no storage, no clock. Leaf <c>i</c> is
/// the entry with sequence <c>i + 1</c>; its data are the entry's stored canonical bytes.
/// <c>leaf = SHA-256(0x00 ‖ data)</c>, <c>node = SHA-256(0x01 ‖ left ‖ right)</c>, the empty tree's
/// root <c>SHA-256()</c>. Proofs list their hashes in RFC 6962's order (leaf side first), so that
/// any standard verifier (Go's <c>golang.org/x/mod/sumdb/tlog</c>, transparency-dev's <c>merkle</c>)
/// accepts them; <see cref="VerifyInclusion"/> and <see cref="VerifyConsistency"/> are RFC 9162's
/// verification algorithms (§2.1.3.2, §2.1.4.2).
/// </summary>
public static class MerkleTree
{
    public const int HashLength = 32;

    public static byte[] EmptyRoot => SHA256.HashData(ReadOnlySpan<byte>.Empty);

    public static byte[] LeafHash(ReadOnlySpan<byte> data)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([0x00]);
        sha.AppendData(data);
        return sha.GetHashAndReset();
    }

    public static byte[] NodeHash(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([0x01]);
        sha.AppendData(left);
        sha.AppendData(right);
        return sha.GetHashAndReset();
    }

    /// <summary>
    /// The leaves <c>[start, end)</c> as maximal complete subtrees, left to right (their sizes
    /// decrease). For any range that is a node of RFC 6962's recursion (all that roots and proofs
    /// ask for) the range's hash is these subtrees' hashes folded from the right: <see cref="Fold"/>.
    /// </summary>
    public static IReadOnlyList<TreeNode> Subtrees(long start, long end)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(end, start);
        var nodes = new List<TreeNode>();
        while (start < end)
        {
            var level = start == 0 ? 62 : BitOperations.TrailingZeroCount(start);
            while (start + (1L << level) > end) level--;
            nodes.Add(new TreeNode(level, start >> level));
            start += 1L << level;
        }

        return nodes;
    }

    /// <summary>The hash of a range from its <see cref="Subtrees"/>' hashes: <c>node(h0, node(h1, … node(hk-1, hk)))</c>.</summary>
    public static byte[] Fold(IReadOnlyList<byte[]> subtreeHashes)
    {
        ArgumentNullException.ThrowIfNull(subtreeHashes);
        if (subtreeHashes.Count == 0) return EmptyRoot;
        var hash = subtreeHashes[^1];
        for (var i = subtreeHashes.Count - 2; i >= 0; i--) hash = NodeHash(subtreeHashes[i], hash);
        return hash;
    }

    /// <summary>The ranges whose hashes make the inclusion proof of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves (RFC 6962 §2.1.1, PATH), in proof order.</summary>
    public static IReadOnlyList<(long Start, long End)> InclusionRanges(long index, long size)
    {
        if (index < 0 || index >= size) throw new ArgumentOutOfRangeException(nameof(index), $"Leaf {index} is not in a tree of {size}.");
        var ranges = new List<(long, long)>();
        Path(index, 0, size, ranges);
        return ranges;
    }

    private static void Path(long index, long start, long end, List<(long, long)> ranges)
    {
        if (end - start == 1) return;
        var k = LargestPowerOfTwoBelow(end - start);
        if (index < start + k)
        {
            Path(index, start, start + k, ranges);
            ranges.Add((start + k, end));
        }
        else
        {
            Path(index, start + k, end, ranges);
            ranges.Add((start, start + k));
        }
    }

    /// <summary>The ranges whose hashes make the consistency proof from the tree of <paramref name="oldSize"/> leaves to that of <paramref name="newSize"/> (RFC 6962 §2.1.2, PROOF), in proof order.</summary>
    public static IReadOnlyList<(long Start, long End)> ConsistencyRanges(long oldSize, long newSize)
    {
        if (oldSize < 0 || oldSize > newSize) throw new ArgumentOutOfRangeException(nameof(oldSize), $"No consistency proof from {oldSize} to {newSize}.");
        var ranges = new List<(long, long)>();
        if (oldSize == 0 || oldSize == newSize) return ranges;
        SubProof(oldSize, 0, newSize, true, ranges);
        return ranges;
    }

    private static void SubProof(long m, long start, long end, bool complete, List<(long, long)> ranges)
    {
        var n = end - start;
        if (m == n)
        {
            if (!complete) ranges.Add((start, end));
            return;
        }

        var k = LargestPowerOfTwoBelow(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, complete, ranges);
            ranges.Add((start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, false, ranges);
            ranges.Add((start, start + k));
        }
    }

    /// <summary>
    /// The complete subtrees that appending leaves to a tree of <paramref name="size"/> leaves needs
    /// as left siblings: those of <c>[0, size)</c>, at most one per level.
    /// </summary>
    public static IReadOnlyList<TreeNode> Frontier(long size) => Subtrees(0, size);

    /// <summary>
    /// Appends leaf hashes to a tree of <paramref name="size"/> leaves whose <see cref="Frontier"/>
    /// hashes are given; returns every subtree completed, leaves included, in the order completed.
    /// </summary>
    public static IReadOnlyList<(TreeNode Node, byte[] Hash)> Append(long size, IReadOnlyDictionary<TreeNode, byte[]> frontier, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(frontier);
        ArgumentNullException.ThrowIfNull(leafHashes);
        var known = new Dictionary<TreeNode, byte[]>(frontier);
        var completed = new List<(TreeNode, byte[])>(leafHashes.Count * 2);
        foreach (var leafHash in leafHashes)
        {
            var node = new TreeNode(0, size);
            var hash = leafHash;
            completed.Add((node, hash));
            known[node] = hash;
            while ((node.Index & 1) == 1)
            {
                var left = new TreeNode(node.Level, node.Index - 1);
                if (!known.TryGetValue(left, out var leftHash)) throw new InvalidOperationException($"The frontier of a tree of {size} leaves lacks level {left.Level} index {left.Index}.");
                node = new TreeNode(node.Level + 1, node.Index >> 1);
                hash = NodeHash(leftHash, hash);
                completed.Add((node, hash));
                known[node] = hash;
            }

            size++;
        }

        return completed;
    }

    /// <summary>The root of the given leaf hashes, recursively as RFC 6962 §2.1 defines it (a reference, O(n)).</summary>
    public static byte[] RootOf(IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(leafHashes);
        return leafHashes.Count == 0 ? EmptyRoot : Mth(leafHashes, 0, leafHashes.Count);
    }

    private static byte[] Mth(IReadOnlyList<byte[]> leaves, int start, int end)
    {
        if (end - start == 1) return leaves[start];
        var k = (int)LargestPowerOfTwoBelow(end - start);
        return NodeHash(Mth(leaves, start, start + k), Mth(leaves, start + k, end));
    }

    /// <summary>RFC 9162 §2.1.3.2: does <paramref name="proof"/> place <paramref name="leafHash"/> at <paramref name="index"/> in the tree of <paramref name="size"/> with <paramref name="root"/>?</summary>
    public static bool VerifyInclusion(ReadOnlySpan<byte> leafHash, long index, long size, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> root)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || index >= size || proof.Any(p => p.Length != HashLength)) return false;
        var r = leafHash.ToArray();
        return Climb(index, size - 1, proof, p => r = NodeHash(p, r), p => r = NodeHash(r, p))
               && CryptographicOperations.FixedTimeEquals(r, root);
    }

    /// <summary>RFC 9162 §2.1.4.2: is the tree of <paramref name="newSize"/> with <paramref name="newRoot"/> an extension of that of <paramref name="oldSize"/> with <paramref name="oldRoot"/>?</summary>
    public static bool VerifyConsistency(long oldSize, long newSize, ReadOnlySpan<byte> oldRoot, ReadOnlySpan<byte> newRoot, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || oldSize > newSize) return false;
        if (oldSize == newSize) return proof.Count == 0 && oldRoot.SequenceEqual(newRoot);
        if (oldSize == 0) return proof.Count == 0;
        if (proof.Count == 0 || proof.Any(p => p.Length != HashLength)) return false;

        var path = new List<byte[]>(proof.Count + 1);
        if (BitOperations.IsPow2(oldSize)) path.Add(oldRoot.ToArray());
        path.AddRange(proof);
        long fn = oldSize - 1, sn = newSize - 1;
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        var fr = path[0];
        var sr = path[0];
        var climbed = Climb(
            fn,
            sn,
            path.Skip(1),
            c =>
            {
                fr = NodeHash(c, fr);
                sr = NodeHash(c, sr);
            },
            c => sr = NodeHash(sr, c));
        return climbed && CryptographicOperations.FixedTimeEquals(fr, oldRoot) && CryptographicOperations.FixedTimeEquals(sr, newRoot);
    }

    /// <summary>
    /// The loop both RFC 9162 verifications share: from node <paramref name="fn"/> of a tree whose last
    /// node is <paramref name="sn"/>, up one level per proof hash, which is a left sibling
    /// (<paramref name="left"/> folds it) or a right one (<paramref name="right"/>). True when the
    /// proof ends exactly at the root (<c>sn</c> 0), false when it is longer or shorter than the path.
    /// </summary>
    private static bool Climb(long fn, long sn, IEnumerable<byte[]> proof, Action<byte[]> left, Action<byte[]> right)
    {
        foreach (var p in proof)
        {
            if (sn == 0) return false;
            if ((fn & 1) == 1 || fn == sn)
            {
                left(p);
                while ((fn & 1) == 0 && fn != 0)
                {
                    fn >>= 1;
                    sn >>= 1;
                }
            }
            else
            {
                right(p);
            }

            fn >>= 1;
            sn >>= 1;
        }

        return sn == 0;
    }

    private static long LargestPowerOfTwoBelow(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));
}
