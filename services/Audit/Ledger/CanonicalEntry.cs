namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// The canonical bytes of a ledger entry: the <see cref="CanonicalJson"/> form of
/// <c>{data, eventId, eventType, occurredAt, recordedAt, sequence, source, subjectId}</c>, timestamps
/// as UTC with microseconds (what <c>timestamptz</c> keeps). They are the record: stored as they
/// were hashed (column <c>canonical</c>), and the data is read back from them. In ordinal order
/// <c>data</c> is the first member, so the bytes are <c>{"data":</c>, the data, then a tail written
/// from the row's other columns alone (<c>,"eventId":"…",…,"subjectId":…}</c>): verification
/// compares that tail with the row's columns without parsing any JSON.
/// </summary>
public static class CanonicalEntry
{
    public static ReadOnlySpan<byte> Prefix => "{\"data\":"u8;

    private static ReadOnlySpan<byte> TailStart => ",\"eventId\":\""u8;

    public static byte[] Of(long sequence, Guid eventId, string eventType, string source, string? subjectId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, JsonElement data)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        output.Write(Prefix);
        CanonicalJson.Write(data, output);
        WriteTail(output, sequence, eventId, eventType, source, subjectId, occurredAt, recordedAt);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Everything after the data: <c>,"eventId":"…","eventType":…,"occurredAt":"…","recordedAt":"…","sequence":N,"source":…,"subjectId":…}</c>.</summary>
    public static void WriteTail(IBufferWriter<byte> output, long sequence, Guid eventId, string eventType, string source, string? subjectId, DateTimeOffset occurredAt, DateTimeOffset recordedAt)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write(TailStart);
        var span = output.GetSpan(36);
        eventId.TryFormat(span, out var written, "D");
        output.Advance(written);
        output.Write("\",\"eventType\":"u8);
        CanonicalJson.WriteString(eventType, output);
        output.Write(",\"occurredAt\":"u8);
        WriteTimestamp(occurredAt, output);
        output.Write(",\"recordedAt\":"u8);
        WriteTimestamp(recordedAt, output);
        output.Write(",\"sequence\":"u8);
        span = output.GetSpan(20);
        sequence.TryFormat(span, out written, default, CultureInfo.InvariantCulture);
        output.Advance(written);
        output.Write(",\"source\":"u8);
        CanonicalJson.WriteString(source, output);
        output.Write(",\"subjectId\":"u8);
        if (subjectId is null) output.Write("null"u8);
        else CanonicalJson.WriteString(subjectId, output);
        output.Write("}"u8);
    }

    /// <summary>Whether <paramref name="canonical"/> is <c>{"data":</c>, some data, then exactly <paramref name="tail"/>.</summary>
    public static bool HasTail(ReadOnlySpan<byte> canonical, ReadOnlySpan<byte> tail) =>
        canonical.Length > Prefix.Length + tail.Length && canonical.StartsWith(Prefix) && canonical.EndsWith(tail);

    /// <summary>
    /// The data member of an entry's canonical bytes. It ends where the tail starts, at the last
    /// <c>,"eventId":"</c>: every quote inside a canonical string is escaped, so the tail's own
    /// strings cannot hold that sequence, and the data, which comes before, cannot be after it.
    /// </summary>
    public static ReadOnlyMemory<byte> DataOf(ReadOnlyMemory<byte> canonical)
    {
        var span = canonical.Span;
        var tail = span.LastIndexOf(TailStart);
        if (!span.StartsWith(Prefix) || tail <= Prefix.Length) throw new FormatException("These are not the canonical bytes of a ledger entry.");
        return canonical[Prefix.Length..tail];
    }

    /// <summary>The data of an entry's canonical bytes, parsed (the document reads from <paramref name="canonical"/>, which must outlive it).</summary>
    public static JsonDocument ParseData(byte[] canonical) => JsonDocument.Parse(DataOf(canonical));

    /// <summary><c>"2025-03-01T09:00:00.000000Z"</c>: UTC, microseconds (what PostgreSQL keeps), invariant digits, in quotes.</summary>
    private static void WriteTimestamp(DateTimeOffset value, IBufferWriter<byte> output)
    {
        var utc = LedgerHash.ToStoredPrecision(value).UtcDateTime;
        var span = output.GetSpan(29);
        span[0] = (byte)'"';
        if (!utc.TryFormat(span[1..], out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture) || written != 27)
        {
            throw new FormatException($"A timestamp of the ledger did not format as 27 characters: {utc:O}.");
        }

        span[28] = (byte)'"';
        output.Advance(29);
    }
}
