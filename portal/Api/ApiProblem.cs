namespace ConsentPlatform.Portal.Api;

/// <summary>
/// An RFC 9457 problem from the API, reduced to what a person can act on: a message in words
/// and, for validation errors, a message per field (the API's own field names, e.g.
/// <c>purposes[0].description</c>). Never a stack trace or an exception type.
/// </summary>
public sealed record ApiProblem(int Status, string Message, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>The reasons of a refused live re-check (409 with a <c>decision</c>), if any.</summary>
    public IReadOnlyList<ShareReason> Reasons { get; init; } = [];

    private static readonly Dictionary<string, string[]> NoErrors = [];

    public static ApiProblem Unavailable { get; } =
        new(503, "The service is not available right now. Nothing has been changed. Try again in a few minutes.", NoErrors);

    public static ApiProblem Unreadable(int status) =>
        new(status, "The service sent an answer the portal could not read. Try again, or contact support.", NoErrors);

    public static ApiProblem From(int status, string body)
    {
        string? title = null, detail = null;
        var errors = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        var reasons = new List<ShareReason>();
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                title = root.TryGetProperty("title", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
                detail = root.TryGetProperty("detail", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                if (root.TryGetProperty("decision", out var decision) && decision.ValueKind == JsonValueKind.Object &&
                    decision.TryGetProperty("reasons", out var list) && list.ValueKind == JsonValueKind.Array)
                {
                    // The refused re-check's reasons, read as the services' own ShareReason records.
                    reasons.AddRange(list.Deserialize<List<ShareReason>>(PlatformApi.Json) ?? []);
                }

                if (root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object)
                {
                    foreach (var field in e.EnumerateObject())
                    {
                        errors[field.Name] = field.Value.ValueKind == JsonValueKind.Array
                            ? [.. field.Value.EnumerateArray().Select(m => m.ToString())]
                            : [field.Value.ToString()];
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not a problem document: the status alone says what happened.
        }

        return new ApiProblem(status, MessageFor(status, reasons.Count > 0 ? title ?? detail : detail ?? title), errors) { Reasons = reasons };
    }

    private static string MessageFor(int status, string? text) => status switch
    {
        403 => "You are not allowed to do that." + (text is null ? "" : " " + text),
        404 => "We could not find that. It may not exist, or you may not be allowed to see it.",
        409 => text ?? "That cannot be done now because of its current status.",
        410 => text ?? "That information has been deleted because its time limit has passed.",
        412 => "Someone else changed this while you were looking at it. Reload the page and try again.",
        413 => "What you sent is too large.",
        429 => "Too many requests. Wait a moment and try again.",
        >= 500 => "Something went wrong in the service. Nothing has been changed. Try again later.",
        _ => text ?? "The request was refused.",
    };
}
