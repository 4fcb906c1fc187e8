namespace ConsentPlatform.Audit.Tests;

/// <summary>
/// The canonical form as the ledger computed it before its canonical bytes were stored (ADR 0004,
/// amended 2026-11-26): through a <see cref="JsonObject"/>, then text built in a
/// <see cref="StringBuilder"/>. Kept here, frozen, as the oracle the fast writer must match byte for
/// byte, since every hash already in a ledger (and every migrated row) was made this way.
/// </summary>
public static class LegacyCanonicalForm
{
    public static byte[] Entry(long sequence, Guid eventId, string eventType, string source, string? subjectId, DateTimeOffset occurredAt, DateTimeOffset recordedAt, JsonElement data)
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
        return Encoding.UTF8.GetBytes(Text(JsonSerializer.SerializeToElement(entry)));
    }

    public static byte[] Hash(byte[] previousHash, byte[] canonical) => SHA256.HashData([.. previousHash, .. canonical]);

    public static string Timestamp(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var stored = new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
        return stored.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
    }

    public static string Text(JsonElement element)
    {
        var text = new StringBuilder();
        Write(element, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (string.Equals(members[i - 1].Name, members[i].Name, StringComparison.Ordinal))
                        {
                            throw new FormatException($"The JSON object has the member \"{members[i].Name}\" twice.");
                        }

                        text.Append(',');
                    }

                    WriteString(members[i].Name, text);
                    text.Append(':');
                    Write(members[i].Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first) text.Append(',');
                    first = false;
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                text.Append(Ledger.CanonicalJson.Number(element.GetRawText()));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new FormatException($"A JSON value of kind {element.ValueKind} has no canonical form.");
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        Escape(c, text);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        Escape(c, text);
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }

    private static void Escape(char c, StringBuilder text) =>
        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
}
