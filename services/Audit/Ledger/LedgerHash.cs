namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// <c>hash = SHA-256(previousHash ‖ canonical)</c>, where <c>canonical</c> are the entry's
/// <see cref="CanonicalEntry"/> bytes as stored: every stored column but the two hashes, so that
/// editing any of them, or moving a row to another sequence, breaks the chain. Anyone can check it
/// with any SHA-256 tool over the two byte strings one after the other. The first entry chains to
/// 32 zero bytes.
/// </summary>
public static class LedgerHash
{
    public const int Length = 32;

    public static byte[] Genesis => new byte[Length];

    public static byte[] Compute(ReadOnlySpan<byte> previousHash, ReadOnlySpan<byte> canonical)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(previousHash);
        sha.AppendData(canonical);
        return sha.GetHashAndReset();
    }

    /// <summary>Drops what a <c>timestamptz</c> cannot hold (below a microsecond), so a stored row hashes as it was written.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
