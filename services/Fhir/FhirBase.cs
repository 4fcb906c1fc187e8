namespace ConsentPlatform.Fhir;

/// <summary>
/// The facade's base address as the caller sees it (<c>https://host/fhir</c>), for the absolute
/// URLs FHIR asks for in a Bundle (<c>fullUrl</c>, paging links). Behind the gateway a service sees
/// the gateway's own <c>X-Forwarded-Host</c> and <c>X-Forwarded-Proto</c> (YARP sets them, replacing
/// whatever a caller sent; the gateway has already refused a host outside <c>AllowedHosts</c>).
/// </summary>
public static class FhirBase
{
    public const string PathPrefix = "/fhir";

    public static bool IsFhirPath(PathString path) => path.StartsWithSegments(PathPrefix, StringComparison.OrdinalIgnoreCase);

    public static string Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var host = FirstOf(request.Headers["X-Forwarded-Host"]) ?? request.Host.Value ?? "localhost";
        var forwarded = FirstOf(request.Headers["X-Forwarded-Proto"]);
        var scheme = forwarded is "http" or "https" ? forwarded : request.Scheme;
        return $"{scheme}://{host}{PathPrefix}";
    }

    private static string? FirstOf(Microsoft.Extensions.Primitives.StringValues values)
    {
        var first = values.Count > 0 ? values[0] : null;
        if (string.IsNullOrWhiteSpace(first)) return null;
        var comma = first.IndexOf(',', StringComparison.Ordinal);
        var value = (comma < 0 ? first : first[..comma]).Trim();
        // A host name and port only: nothing that could turn a link into another URL.
        return value.Length > 0 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']') ? value : null;
    }
}
