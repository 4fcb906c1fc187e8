namespace ConsentPlatform.Audit.Tests;

/// <summary>
/// An exported bundle verifies with the log's verifier key alone; an altered leaf, proof,
/// checkpoint or sequence, or another key, is named and refused.
/// </summary>
public sealed class BundleVerifierTests
{
    private static readonly NoteKey LogKey = NoteKey.Generate("audit.test/bundle");

    private static AuditBundle Bundle(int size, int from, int to)
    {
        var leaves = Enumerable.Range(1, size).Select(i => System.Text.Encoding.UTF8.GetBytes($"{{\"sequence\":{i}}}")).ToArray();
        var nodes = MerkleTree.Append(0, new Dictionary<TreeNode, byte[]>(), [.. leaves.Select(l => MerkleTree.LeafHash(l))]).ToDictionary(n => n.Node, n => n.Hash);
        byte[] Hash(long start, long end) => MerkleTree.Fold([.. MerkleTree.Subtrees(start, end).Select(n => nodes[n])]);
        var note = SignedNote.Sign(new Checkpoint(LogKey.Name, size, Hash(0, size)).Body, LogKey);
        var entries = Enumerable.Range(from, to - from + 1).Select(s => new BundleEntry(
            s, Convert.ToBase64String(leaves[s - 1]), [.. MerkleTree.InclusionRanges(s - 1, size).Select(r => Convert.ToBase64String(Hash(r.Start, r.End)))])).ToList();
        return new AuditBundle(AuditBundle.FormatV1, note, size, entries);
    }

    private static BundleVerification Verify(AuditBundle bundle, NoteKey? key = null) =>
        BundleVerifier.Verify(JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web), key ?? NoteKey.ParseVerifier(LogKey.VerifierKey));

    [Fact]
    public void Given_an_exported_bundle_When_verified_with_the_logs_key_Then_every_entry_is_proven()
    {
        var result = Verify(Bundle(size: 37, from: 5, to: 30));

        Assert.Equal((true, "audit.test/bundle", 37L, 26L, (long?)null), (result.Valid, result.Origin, result.TreeSize, result.Entries, result.FirstInvalidSequence));
    }

    [Fact]
    public void Given_a_bundle_with_one_leaf_altered_When_verified_Then_that_sequence_is_named()
    {
        var bundle = Bundle(size: 20, from: 1, to: 20);
        var entries = bundle.Entries.ToList();
        entries[11] = entries[11] with { Leaf = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("{\"sequence\":99}")) };

        var result = Verify(bundle with { Entries = entries });

        Assert.Equal((false, (long?)12), (result.Valid, result.FirstInvalidSequence));
    }

    [Fact]
    public void Given_a_bundle_with_a_gap_or_a_proof_hash_altered_When_verified_Then_it_is_refused()
    {
        var bundle = Bundle(size: 20, from: 1, to: 20);
        var gap = bundle.Entries.Where(e => e.Sequence != 7).ToList();
        var altered = bundle.Entries.ToList();
        altered[3] = altered[3] with { Proof = [.. altered[3].Proof.Skip(1).Prepend(Convert.ToBase64String(new byte[32]))] };

        Assert.Equal((false, (long?)8), (Verify(bundle with { Entries = gap }).Valid, Verify(bundle with { Entries = gap }).FirstInvalidSequence));
        Assert.Equal((false, (long?)4), (Verify(bundle with { Entries = altered }).Valid, Verify(bundle with { Entries = altered }).FirstInvalidSequence));
    }

    [Fact]
    public void Given_another_key_or_a_checkpoint_edited_When_verified_Then_it_is_refused()
    {
        var bundle = Bundle(size: 9, from: 1, to: 9);

        Assert.False(Verify(bundle, NoteKey.ParseVerifier(NoteKey.Generate("audit.test/bundle").VerifierKey)).Valid);
        Assert.False(Verify(bundle with { Checkpoint = bundle.Checkpoint.Replace("\n9\n", "\n8\n", StringComparison.Ordinal), TreeSize = 8 }).Valid);
        Assert.False(Verify(bundle with { TreeSize = 10 }).Valid);
        Assert.False(BundleVerifier.Verify("{not json", NoteKey.ParseVerifier(LogKey.VerifierKey)).Valid);
    }
}
