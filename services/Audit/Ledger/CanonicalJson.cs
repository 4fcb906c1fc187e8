namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// The one byte form of a JSON value that the ledger hashes, close to RFC 8785 (JCS): object
/// members sorted by name in ordinal (UTF-16 code unit) order, no whitespace, strings escaped only
/// where JSON requires it (<c>"</c>, <c>\</c>, control characters, lone surrogates), numbers in
/// their shortest invariant form, UTF-8. Two documents with the same data (any member order, any
/// whitespace, any escaping, any culture of the machine) give the same bytes.
/// Written by hand, not by a serializer's encoder, so that a runtime upgrade cannot change a hash;
/// straight into UTF-8, copying a string or a name as it was parsed whenever it holds no escape.
/// </summary>
public static class CanonicalJson
{
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static byte[] ToBytes(JsonElement element)
    {
        var output = new ArrayBufferWriter<byte>(256);
        Write(element, output);
        return output.WrittenSpan.ToArray();
    }

    public static void Write(JsonElement element, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                WriteObject(element, output);
                break;
            case JsonValueKind.Array:
                output.Write("["u8);
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first) output.Write(","u8);
                    first = false;
                    Write(item, output);
                }

                output.Write("]"u8);
                break;
            case JsonValueKind.String:
                var raw = JsonMarshal.GetRawUtf8Value(element);
                if (IsVerbatim(raw[1..^1])) output.Write(raw);
                else WriteString(element.GetString()!, output);
                break;
            case JsonValueKind.Number:
                WriteNumber(JsonMarshal.GetRawUtf8Value(element), output);
                break;
            case JsonValueKind.True:
                output.Write("true"u8);
                break;
            case JsonValueKind.False:
                output.Write("false"u8);
                break;
            case JsonValueKind.Null:
                output.Write("null"u8);
                break;
            default:
                throw new FormatException($"A JSON value of kind {element.ValueKind} has no canonical form.");
        }
    }

    private static void WriteObject(JsonElement element, IBufferWriter<byte> output)
    {
        var members = ArrayPool<JsonProperty>.Shared.Rent(element.GetPropertyCount());
        try
        {
            var count = 0;
            foreach (var member in element.EnumerateObject()) members[count++] = member;
            var sorted = members.AsSpan(0, count);
            sorted.Sort(CompareNames);
            output.Write("{"u8);
            for (var i = 0; i < sorted.Length; i++)
            {
                if (i > 0)
                {
                    if (CompareNames(sorted[i - 1], sorted[i]) == 0)
                    {
                        throw new FormatException($"The JSON object has the member \"{sorted[i].Name}\" twice.");
                    }

                    output.Write(","u8);
                }

                var name = JsonMarshal.GetRawUtf8PropertyName(sorted[i]);
                if (IsVerbatim(name))
                {
                    output.Write("\""u8);
                    output.Write(name);
                    output.Write("\""u8);
                }
                else
                {
                    WriteString(sorted[i].Name, output);
                }

                output.Write(":"u8);
                Write(sorted[i].Value, output);
            }

            output.Write("}"u8);
        }
        finally
        {
            ArrayPool<JsonProperty>.Shared.Return(members, clearArray: true);
        }
    }

    /// <summary>Ordinal order of the names as strings; two ASCII names without escapes compare alike byte by byte, without making strings.</summary>
    private static int CompareNames(JsonProperty a, JsonProperty b)
    {
        var x = JsonMarshal.GetRawUtf8PropertyName(a);
        var y = JsonMarshal.GetRawUtf8PropertyName(b);
        return IsPlainAscii(x) && IsPlainAscii(y) ? x.SequenceCompareTo(y) : string.CompareOrdinal(a.Name, b.Name);
    }

    private static bool IsPlainAscii(ReadOnlySpan<byte> raw) => Ascii.IsValid(raw) && !raw.Contains((byte)'\\');

    /// <summary>
    /// Parsed string contents without a backslash are already canonical: JSON allows no unescaped
    /// quote or control character in a string, so only an escape could need rewriting.
    /// </summary>
    private static bool IsVerbatim(ReadOnlySpan<byte> content) => !content.Contains((byte)'\\') && Utf8.IsValid(content);

    private static void WriteNumber(ReadOnlySpan<byte> raw, IBufferWriter<byte> output)
    {
        if (IsPlainInteger(raw))
        {
            output.Write(raw);
        }
        else
        {
            output.Write(Encoding.ASCII.GetBytes(Number(Encoding.UTF8.GetString(raw))));
        }
    }

    /// <summary>An integer JSON already writes in its only form (JSON has no leading zeros), short enough to be a <see cref="long"/>; not <c>-0</c>.</summary>
    private static bool IsPlainInteger(ReadOnlySpan<byte> raw)
    {
        var digits = raw.Length > 0 && raw[0] == (byte)'-' ? raw[1..] : raw;
        return digits.Length is > 0 and <= 18
               && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
               && (digits[0] != (byte)'0' || raw.Length == 1);
    }

    /// <summary>Integers as plain digits; other numbers as a decimal without exponent or trailing zeros.</summary>
    public static string Number(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var invariant = CultureInfo.InvariantCulture;
        if (long.TryParse(raw, NumberStyles.AllowLeadingSign, invariant, out var integer))
        {
            return integer.ToString(invariant);
        }

        if (decimal.TryParse(raw, NumberStyles.Float, invariant, out var number))
        {
            // Dividing by 1.000… drops trailing zeros: 1.50 and 1.5 and 15e-1 are one number.
            var normalized = number / 1.000000000000000000000000000000000m;
            return normalized == decimal.Truncate(normalized) && normalized >= long.MinValue && normalized <= long.MaxValue
                ? decimal.ToInt64(normalized).ToString(invariant)
                : normalized.ToString(invariant);
        }

        return double.Parse(raw, NumberStyles.Float, invariant).ToString("R", invariant);
    }

    /// <summary>A string in quotes, escaped where JSON requires it, as UTF-8.</summary>
    public static void WriteString(ReadOnlySpan<char> value, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.Write("\""u8);
        if (!value.ContainsAny(Escaped))
        {
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length));
            if (Utf8.FromUtf16(value, span, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                output.Advance(written);
                output.Write("\""u8);
                return;
            }

            // A lone surrogate: written escaped below.
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': output.Write("\\\""u8); break;
                case '\\': output.Write("\\\\"u8); break;
                case '\b': output.Write("\\b"u8); break;
                case '\f': output.Write("\\f"u8); break;
                case '\n': output.Write("\\n"u8); break;
                case '\r': output.Write("\\r"u8); break;
                case '\t': output.Write("\\t"u8); break;
                default:
                    if (c < 0x20)
                    {
                        Escape(c, output);
                    }
                    else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        WriteUtf8(new Rune(c, value[i + 1]), output);
                        i++;
                    }
                    else if (char.IsSurrogate(c))
                    {
                        Escape(c, output); // a lone surrogate has no UTF-8 form: keep it distinguishable
                    }
                    else
                    {
                        WriteUtf8(new Rune(c), output);
                    }

                    break;
            }
        }

        output.Write("\""u8);
    }

    private static void WriteUtf8(Rune rune, IBufferWriter<byte> output)
    {
        var written = rune.EncodeToUtf8(output.GetSpan(4));
        output.Advance(written);
    }

    private static void Escape(char c, IBufferWriter<byte> output)
    {
        var span = output.GetSpan(6);
        "\\u"u8.CopyTo(span);
        ((int)c).TryFormat(span[2..], out _, "x4", CultureInfo.InvariantCulture);
        output.Advance(6);
    }
}
