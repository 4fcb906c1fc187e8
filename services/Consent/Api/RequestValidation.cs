using System.Text.RegularExpressions;

namespace ConsentPlatform.Consent.Api;

/// <summary>The consent service's limits and its list and reason checks; the patterns are <see cref="ConsentPlatform.Hosting.Validation.Vocabulary"/>'s.</summary>
public static class ConsentRules
{
    public const int MaxRecipients = 50;
    public const int MaxCategories = 50;
    public const int MaxReasonLength = 500;

    /// <summary>An optional list: at most <paramref name="max"/> entries, each matching, none repeated.</summary>
    public static IReadOnlyList<string> List(FieldErrors errors, string field, IReadOnlyList<string?>? values, int max, Regex pattern, string description)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(pattern);
        if (values is null) return [];
        if (values.Count > max)
        {
            errors.Add(field, $"The {field} field may hold at most {max} entries.");
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null || !pattern.IsMatch(value))
            {
                errors.Add($"{field}[{i}]", $"Each entry of {field} must be {description}.");
            }
            else if (!seen.Add(value))
            {
                errors.Add($"{field}[{i}]", $"'{value}' appears more than once in {field}.");
            }
        }

        return [.. values.OfType<string>()];
    }

    /// <summary>An optional reason of at most 500 characters; blank counts as none.</summary>
    public static string? Reason(FieldErrors errors, string? reason, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        if (trimmed is null && required)
        {
            errors.Add("reason", "A practitioner acting on the young person's behalf must give a reason.");
        }
        else if (trimmed is not null && trimmed.Length > MaxReasonLength)
        {
            errors.Add("reason", $"The reason may be at most {MaxReasonLength} characters long.");
        }

        return trimmed;
    }
}
