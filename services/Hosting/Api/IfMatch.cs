namespace ConsentPlatform.Hosting.Api;

/// <summary>
/// Optimistic concurrency over HTTP: a stream's version is its entity tag (<c>ETag: "3"</c>); a
/// change sent with <c>If-Match: "3"</c> (or a bare <c>3</c>) names the version the caller last saw,
/// and <c>*</c> or no header means any version. Anything else names no single version: 400 on the
/// <c>If-Match</c> field, before anything is read.
/// </summary>
public static class IfMatch
{
    public const string Header = "If-Match";

    /// <summary>
    /// The version <paramref name="header"/> names. <paramref name="resource"/> says what it is the
    /// version of, in the refusal. <paramref name="takesWeakTags"/>: a weak <c>W/"3"</c> counts as
    /// <c>"3"</c> where the service also hands out weak tags (the consent service's FHIR facade does,
    /// as FHIR's versioning asks); elsewhere it is refused like any other malformed value.
    /// </summary>
    /// <remarks>A malformed header is added to <paramref name="errors"/>: the request's other bad fields are refused with it.</remarks>
    public static long? ExpectedVersion(FieldErrors errors, string? header, string resource, bool takesWeakTags = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var value = header?.Trim();
        if (string.IsNullOrEmpty(value) || value == "*") return null;
        if (takesWeakTags && value.StartsWith("W/", StringComparison.Ordinal)) value = value[2..];
        if (value.Length >= 2 && value[0] == '"' && value[^1] == '"') value = value[1..^1];
        if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0)
        {
            return version;
        }

        errors.Add(Header, $"If-Match must name one version of the {resource}, as its ETag gives it (\"3\").");
        return null;
    }

    public static string ETagOf(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    public static void SetETag(this HttpResponse response, long version)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.ETag = ETagOf(version);
    }
}
