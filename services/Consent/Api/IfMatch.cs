using System.Globalization;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.Consent.Api;

/// <summary>
/// Optimistic concurrency over HTTP: <c>If-Match: "3"</c> (a bare <c>3</c> or a weak <c>W/"3"</c>
/// too) names the version the caller last saw; <c>*</c> or no header means any version.
/// Responses carry the version as <c>ETag: "3"</c>.
/// </summary>
public static class IfMatch
{
    public const string Header = "If-Match";

    public static long? ExpectedVersion(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        var value = header.Trim();
        if (value == "*") return null;
        if (value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        throw new RequestValidationException(new Dictionary<string, string[]>
        {
            [Header] = ["If-Match must be the consent's version as an entity tag, e.g. \"3\"."],
        });
    }

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";
}
