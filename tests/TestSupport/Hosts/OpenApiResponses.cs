namespace ConsentPlatform.TestSupport.Hosts;

/// <summary>
/// What a service's OpenAPI document declares an operation answers (issue 24, refusals as values:
/// an endpoint's <c>Outcome&lt;…&gt;</c> puts one problem response per refusal kind there).
/// </summary>
public static class OpenApiResponses
{
    /// <summary>
    /// What is wrong with the responses of <paramref name="method"/> <paramref name="path"/>: its
    /// <paramref name="success"/> status missing, or one of <paramref name="problems"/> missing or not an
    /// <c>application/problem+json</c> body of <c>ProblemDetails</c> (<c>HttpValidationProblemDetails</c>
    /// for 400). Empty when the document is right.
    /// </summary>
    public static async Task<IReadOnlyList<string>> WrongAsync(
        HttpClient client, string path, string method, string success, IEnumerable<string> problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(problems);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken));
        var responses = json.RootElement.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        var wrong = new List<string>();
        if (!responses.TryGetProperty(success, out _)) wrong.Add($"{method} {path}: no {success}");
        foreach (var status in problems)
        {
            var expected = status == "400" ? "HttpValidationProblemDetails" : "ProblemDetails";
            var schema = responses.TryGetProperty(status, out var response)
                         && response.TryGetProperty("content", out var content)
                         && content.TryGetProperty("application/problem+json", out var problem)
                         && problem.TryGetProperty("schema", out var body)
                         && body.TryGetProperty("$ref", out var reference)
                ? reference.GetString()
                : null;
            if (schema is null || !schema.EndsWith("/" + expected, StringComparison.Ordinal))
            {
                wrong.Add($"{method} {path}: {status} is {schema ?? "not a problem response"}, not {expected}");
            }
        }

        return wrong;
    }

    /// <summary>
    /// <see cref="WrongAsync(HttpClient, string, string, string, IEnumerable{string}, CancellationToken)"/> for every
    /// operation of <paramref name="table"/>, one a line: method, path, its success status, then the
    /// problem statuses it declares (<c>POST /api/dsas 201 400 403</c>).
    /// </summary>
    public static async Task<IReadOnlyList<string>> WrongAsync(HttpClient client, string table, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        var wrong = new List<string>();
        foreach (var line in table.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            wrong.AddRange(await WrongAsync(client, words[1], words[0].ToLowerInvariant(), words[2], words[3..], cancellationToken));
        }

        return wrong;
    }
}
