using System.Globalization;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.DsaRegistry.Http;

/// <summary>
/// Optimistic concurrency over HTTP: the DSA's version is its entity tag (<c>"3"</c>); a
/// change sent with <c>If-Match: "3"</c> (or a bare <c>3</c>) is refused with 412 when the DSA
/// has moved on. <c>If-Match: *</c> or no header means any version.
/// </summary>
public static class Versioning
{
    public const string IfMatch = "If-Match";

    public static long? ExpectedVersion(string? ifMatch)
    {
        var value = ifMatch?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*")
        {
            return null;
        }

        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"')
        {
            value = value[1..^1];
        }

        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        throw new RequestValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
        {
            [IfMatch] = ["If-Match must name one version of the DSA, as its ETag gives it (\"3\")."],
        });
    }

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETagOf(version);
    }
}
