namespace ConsentPlatform.Audit.Verifying;

/// <summary>One entry of a bundle: its sequence, its exact leaf bytes (base64) and its inclusion proof in the bundle's checkpoint.</summary>
public sealed record BundleEntry(long Sequence, string Leaf, IReadOnlyList<string> Proof);

/// <summary>
/// An exported piece of the ledger that verifies offline (issue 19): the signed checkpoint, and for
/// each entry its leaf bytes and its inclusion proof against that checkpoint. JSON, camelCase.
/// </summary>
public sealed record AuditBundle(string Format, string Checkpoint, long TreeSize, IReadOnlyList<BundleEntry> Entries)
{
    public const string FormatV1 = "consentplatform-audit-bundle/v1";
}

/// <summary>What verifying a bundle found; <see cref="FirstInvalidSequence"/> names the first entry that does not prove.</summary>
public sealed record BundleVerification(bool Valid, string? Origin, long TreeSize, long Entries, long? FirstInvalidSequence, string? Problem);

/// <summary>
/// Verifies a bundle with nothing but the log's verifier key: the checkpoint's signature, then
/// every entry's leaf against the checkpoint's root through its inclusion proof, in sequence order
/// with no gaps. Pure: no database, no network.
/// </summary>
public static class BundleVerifier
{
    public static BundleVerification Verify(string bundleJson, NoteKey logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        AuditBundle? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<AuditBundle>(bundleJson, JsonSerializerOptions.Web);
        }
        catch (JsonException e)
        {
            return new BundleVerification(false, null, 0, 0, null, $"not a bundle: {e.Message}");
        }

        if (bundle is null || bundle.Format != AuditBundle.FormatV1 || bundle.Entries is null || bundle.Checkpoint is null)
        {
            return new BundleVerification(false, null, 0, 0, null, $"not a {AuditBundle.FormatV1} bundle");
        }

        var text = SignedNote.Open(bundle.Checkpoint, logKey);
        if (text is null || Checkpoint.Parse(text) is not { } checkpoint || checkpoint.Size != bundle.TreeSize)
        {
            return new BundleVerification(false, null, bundle.TreeSize, bundle.Entries.Count, null, "the checkpoint is not signed by this key, or not of the bundle's tree size");
        }

        long? expected = null;
        foreach (var entry in bundle.Entries)
        {
            if (!Proves(entry, checkpoint) || (expected is not null && entry.Sequence != expected))
            {
                return new BundleVerification(false, checkpoint.Origin, checkpoint.Size, bundle.Entries.Count, entry.Sequence, $"entry {entry.Sequence} is not proven in the checkpoint");
            }

            expected = entry.Sequence + 1;
        }

        return new BundleVerification(true, checkpoint.Origin, checkpoint.Size, bundle.Entries.Count, null, null);
    }

    private static bool Proves(BundleEntry entry, Checkpoint checkpoint)
    {
        try
        {
            return entry.Sequence >= 1 && entry.Sequence <= checkpoint.Size && entry.Proof is not null && entry.Leaf is not null
                   && MerkleTree.VerifyInclusion(MerkleTree.LeafHash(Convert.FromBase64String(entry.Leaf)), entry.Sequence - 1, checkpoint.Size, [.. entry.Proof.Select(Convert.FromBase64String)], checkpoint.RootHash);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
