namespace ConsentPlatform.Audit.Verifying;

/// <summary>
/// The chain rule, one row after another, without parsing any JSON: a row extends the chain when
/// its <c>previous_hash</c> is the hash of the row before (32 zero bytes for the first), its
/// canonical bytes are <c>{"data":</c>, some data, then exactly the tail its own columns write
/// (so no column differs from what was hashed), and <c>SHA-256(previous ‖ canonical)</c> is its
/// <c>hash</c>. Buffers and the hash are reused from row to row.
/// </summary>
public sealed class LedgerChain : IDisposable
{
    private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly ArrayBufferWriter<byte> tail = new(256);
    private readonly byte[] head = LedgerHash.Genesis;
    private readonly byte[] recomputed = new byte[LedgerHash.Length];

    /// <summary>The hash of the last row that extended the chain (32 zero bytes before the first).</summary>
    public ReadOnlySpan<byte> Head => head;

    public bool Extend(long sequence, Guid eventId, string eventType, string source, string? subjectId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, ReadOnlySpan<byte> canonical, ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> hash)
    {
        if (!previousHash.SequenceEqual(head)) return false;

        tail.ResetWrittenCount();
        CanonicalEntry.WriteTail(tail, sequence, eventId, eventType, source, subjectId, occurredAt, recordedAt);
        if (!CanonicalEntry.HasTail(canonical, tail.WrittenSpan)) return false;

        sha.AppendData(head);
        sha.AppendData(canonical);
        sha.GetHashAndReset(recomputed);
        if (!hash.SequenceEqual(recomputed)) return false;

        recomputed.CopyTo(head, 0);
        return true;
    }

    public void Dispose() => sha.Dispose();
}
