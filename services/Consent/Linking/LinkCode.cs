namespace ConsentPlatform.Consent.Linking;

/// <summary>
/// A one-time link code: 12 characters of Crockford's base32 (no I, L, O or U, so it can be read
/// out and typed), shown as <c>ABCD-EFGH-JKMN</c>: 60 random bits, which nobody guesses within its
/// short life. Typed back in any case, with or without the hyphens and spaces, and with the letters
/// people confuse with digits (O, I, L) read as the digits.
/// </summary>
public static class LinkCode
{
    public const int Length = 12;
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> random = stackalloc byte[Length];
        RandomNumberGenerator.Fill(random);
        var code = new StringBuilder(Length + 2);
        for (var i = 0; i < Length; i++)
        {
            if (i is 4 or 8) code.Append('-');
            code.Append(Alphabet[random[i] & 31]);
        }

        return code.ToString();
    }

    /// <summary>The code as typed, in its one canonical form, or null if it cannot be a code.</summary>
    public static string? Normalise(string? typed)
    {
        if (typed is null || typed.Length > 40) return null;
        var code = new StringBuilder(Length);
        foreach (var c in typed.ToUpperInvariant())
        {
            if (c is '-' or ' ') continue;
            var digit = c switch { 'O' => '0', 'I' or 'L' => '1', _ => c };
            if (!Alphabet.Contains(digit, StringComparison.Ordinal)) return null;
            code.Append(digit);
        }

        return code.Length == Length ? code.ToString() : null;
    }

    /// <summary>What is stored and looked up: the SHA-256 of the canonical code, never the code.</summary>
    public static string HashOf(string canonical)
    {
        ArgumentNullException.ThrowIfNull(canonical);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(canonical)));
    }
}
