using Microsoft.AspNetCore.Mvc;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// Every problem a service or the gateway writes passes here (<c>CustomizeProblemDetails</c>), so
/// that no message repeats a control character the caller sent: a released category
/// <c>"caring.role\n"</c>, an unknown field named with a NUL, a path with <c>%00</c> in it all come
/// back with <c>\u000A</c>, <c>\u0000</c> written out (<see cref="FreeText.Printable"/>). One place
/// rather than each message that quotes input, because the next such message will not remember to.
/// </summary>
public static class ProblemText
{
    public static void MakePrintable(ProblemDetails problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        problem.Title = Printable(problem.Title);
        problem.Detail = Printable(problem.Detail);
        problem.Instance = Printable(WithoutSubjectId(problem.Instance));
        if (problem is HttpValidationProblemDetails validation && validation.Errors.Keys.Concat(validation.Errors.Values.SelectMany(m => m)).Any(NeedsEscaping))
        {
            // Two keys may become one once escaped ("a\n" and a literal "a\\u000A"): their messages are merged.
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (field, messages) in validation.Errors)
            {
                var key = FreeText.Printable(field);
                var printable = messages.Select(FreeText.Printable);
                errors[key] = errors.TryGetValue(key, out var earlier) ? [.. earlier, .. printable] : [.. printable];
            }

            validation.Errors = errors;
        }
    }

    private static string? Printable(string? text) => text is null ? null : FreeText.Printable(text);

    /// <summary>
    /// A young person's ledger id in the path (<c>/api/subjects/{subjectId}/…</c>, issue 20) is not
    /// repeated in a problem's instance: whoever was refused learns nothing back about the child.
    /// </summary>
    public static string? WithoutSubjectId(string? instance)
    {
        const string Prefix = "/api/subjects/";
        if (instance is null || !instance.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return instance;
        var rest = instance[Prefix.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        return Prefix + "{subjectId}" + (slash < 0 ? string.Empty : rest[slash..]);
    }

    private static bool NeedsEscaping(string text) => !ReferenceEquals(FreeText.Printable(text), text);
}
