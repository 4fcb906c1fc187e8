namespace ConsentPlatform.Hosting.Problems;

/// <summary>
/// The one field-error collector: collects per-field errors (every message of every bad field) and
/// refuses the request (400) with all of them at once.
/// </summary>
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

    /// <summary><paramref name="message"/> for <paramref name="field"/> unless <paramref name="condition"/> holds; chains, for a query's checks.</summary>
    public FieldErrors That(bool condition, string field, string message)
    {
        if (!condition) Add(field, message);
        return this;
    }

    /// <summary>An optional value (a query filter) that, when given, must match <paramref name="pattern"/>.</summary>
    public FieldErrors Matches(string field, string? value, Regex pattern, string message)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        return That(value is null || pattern.IsMatch(value), field, message);
    }

    /// <summary>The errors in the shape of <c>ValidationProblemDetails.Errors</c>; empty when there are none.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => Snapshot();

    /// <summary>The 400 for all the errors collected, or null when there are none: <c>if (errors.Refusal is { } invalid) return invalid;</c>.</summary>
    public Refusal? Refusal => Any ? Refusal.Invalid(Snapshot()) : null;

    public void ThrowIfAny()
    {
        if (Any) throw new RequestValidationException(Snapshot());
    }

    private Dictionary<string, string[]> Snapshot() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
