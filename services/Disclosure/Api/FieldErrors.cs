using System.Text.RegularExpressions;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.Disclosure.Api;

/// <summary>Collects per-field errors and refuses the request (400) with all of them at once.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var messages)) errors[field] = messages = [];
        messages.Add(message);
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }
    }
}

/// <summary>The brief's vocabulary patterns and this service's limits. <c>\z</c>: no trailing newline.</summary>
public static partial class DisclosureRules
{
    public const int MaxCategories = 50;
    public const int MaxTextLength = 2000;

    /// <summary>The release route's own body limit (the gateway's global limit is lower).</summary>
    public const int MaxReleaseBodyBytes = 256 * 1024;

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex SubjectId();

    [GeneratedRegex(@"^[A-Za-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex OrgId();

    [GeneratedRegex(@"^[a-z0-9-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Purpose();

    [GeneratedRegex(@"^[a-z0-9.-]{1,64}\z", RegexOptions.CultureInvariant)]
    public static partial Regex DataCategory();

    public static void Required(FieldErrors errors, string field, string? value, Regex pattern, string description)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(pattern);
        if (value is null) errors.Add(field, $"The {field} field is required.");
        else if (!pattern.IsMatch(value)) errors.Add(field, $"The {field} field must be {description}.");
    }

    /// <summary>Optional free text: trimmed, at most <see cref="MaxTextLength"/> characters; blank is none.</summary>
    public static string? Text(FieldErrors errors, string field, string? value, bool required = false)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required) errors.Add(field, $"The {field} field is required.");
            return null;
        }

        if (trimmed.Length > MaxTextLength) errors.Add(field, $"The {field} field may hold at most {MaxTextLength} characters.");
        return trimmed;
    }
}
