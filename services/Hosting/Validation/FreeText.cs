namespace ConsentPlatform.Hosting.Validation;

/// <summary>
/// The one rule for text that callers send, and the one way to show it back. Text may hold any
/// character but the C0 controls (U+0000 to U+001F) other than tab, carriage return and line
/// feed, and no unpaired surrogate: PostgreSQL's jsonb cannot store U+0000 at all (a 500 with
/// SQLSTATE 22P05), the other controls have no place in a reason or a title, and a lone surrogate
/// is not text (it cannot be encoded as UTF-8 and breaks the next JSON reader).
/// </summary>
public static class FreeText
{
    /// <summary>The rule in words, for the 400 that names the field.</summary>
    public const string Requirement =
        "This field must not contain control characters (other than tab, carriage return and line feed) or unpaired surrogates.";

    /// <summary>The index of the first character the rule refuses, or -1 when the text is acceptable.</summary>
    public static int IndexOfRefused(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c is '\t' or '\r' or '\n') continue;
                return i;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c)) return i;
        }

        return -1;
    }

    public static bool IsAcceptable(ReadOnlySpan<char> text) => IndexOfRefused(text) < 0;

    /// <summary>
    /// <paramref name="text"/> safe to repeat in an error message or a log line: every control
    /// character (C0 including tab, CR and LF, DEL, C1) and every unpaired surrogate is written as
    /// <c>\uXXXX</c>, so a caller cannot break a line, forge a log entry or smuggle a NUL through
    /// something they sent.
    /// </summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsEscaping(text)) return text;

        var printable = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                printable.Append(c).Append(text[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                printable.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
            else
            {
                printable.Append(c);
            }
        }

        return printable.ToString();
    }

    private static bool NeedsEscaping(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c)) return true;
        }

        return false;
    }
}
