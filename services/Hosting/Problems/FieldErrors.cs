using System.Text.RegularExpressions;

namespace ConsentPlatform.Hosting.Problems;

/// <summary>Collects per-field errors and refuses the request (400) with all of them at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
        messages.Add(message);
    }

    /// <summary>A required value that must match <paramref name="pattern"/> (one of <see cref="Validation.Vocabulary"/>'s, usually).</summary>
    public void Required(string field, string? value, Regex pattern, string description)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        if (value is null) Add(field, $"The {field} field is required.");
        else if (!pattern.IsMatch(value)) Add(field, $"The {field} field must be {description}.");
    }

    public void ThrowIfAny()
    {
        if (Any) throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
