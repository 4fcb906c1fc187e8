using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// <c>hash = SHA-256(previousHash ‖ canonical bytes of the entry)</c>. The canonical entry is the
/// <see cref="CanonicalJson"/> form of <c>{data, eventId, eventType, occurredAt, recordedAt,
/// sequence, source, subjectId}</c>: every stored column but the two hashes, so that editing any of
/// them, or moving a row to another sequence, changes the hash. The first entry chains to 32 zero bytes.
/// </summary>
public static class LedgerHash
{
    public const int Length = 32;

    public static byte[] Genesis => new byte[Length];

    public static byte[] Compute(byte[] previousHash, long sequence, Guid eventId, string eventType, string source, string? subjectId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        var canonical = CanonicalBytes(sequence, eventId, eventType, source, subjectId, occurredAt, recordedAt, data);
        var input = new byte[previousHash.Length + canonical.Length];
        previousHash.CopyTo(input, 0);
        canonical.CopyTo(input, previousHash.Length);
        return SHA256.HashData(input);
    }

    public static byte[] Compute(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Compute(entry.PreviousHash, entry.Sequence, entry.EventId, entry.EventType, entry.Source, entry.SubjectId, entry.OccurredAt, entry.RecordedAt, entry.Data);
    }

    public static byte[] CanonicalBytes(long sequence, Guid eventId, string eventType, string source, string? subjectId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, JsonElement data)
    {
        var entry = new JsonObject
        {
            ["data"] = JsonNode.Parse(data.GetRawText()),
            ["eventId"] = eventId.ToString("D"),
            ["eventType"] = eventType,
            ["occurredAt"] = Timestamp(occurredAt),
            ["recordedAt"] = Timestamp(recordedAt),
            ["sequence"] = sequence,
            ["source"] = source,
            ["subjectId"] = subjectId,
        };
        return CanonicalJson.ToBytes(JsonSerializer.SerializeToElement(entry));
    }

    /// <summary>UTC, microseconds (what PostgreSQL keeps), invariant digits: <c>2025-03-01T09:00:00.000000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        ToStoredPrecision(value).UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Drops what a <c>timestamptz</c> cannot hold (below a microsecond), so a stored row hashes as it was written.</summary>
    public static DateTimeOffset ToStoredPrecision(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }

    public static string Hex(byte[] hash) => Convert.ToHexStringLower(hash);
}
