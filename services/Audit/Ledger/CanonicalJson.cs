using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ConsentPlatform.Audit.Ledger;

/// <summary>
/// The one byte form of a JSON value that the ledger hashes, close to RFC 8785 (JCS): object
/// members sorted by name in ordinal (UTF-16 code unit) order, no whitespace, strings escaped only
/// where JSON requires it (<c>"</c>, <c>\</c>, control characters, lone surrogates), numbers in
/// their shortest invariant form, UTF-8. Two documents with the same data (any member order, any
/// whitespace, any escaping, any culture of the machine) give the same bytes.
/// Written by hand, not by a serializer's encoder, so that a runtime upgrade cannot change a hash.
/// </summary>
public static class CanonicalJson
{
    public static byte[] ToBytes(JsonElement element) => Encoding.UTF8.GetBytes(ToText(element));

    public static string ToText(JsonElement element)
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
                text.Append(Number(element.GetRawText()));
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
                        Escape(c, text); // a lone surrogate has no UTF-8 form: keep it distinguishable
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
