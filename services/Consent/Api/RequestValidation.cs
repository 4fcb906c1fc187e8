namespace ConsentPlatform.Consent.Api;

/// <summary>The consent service's limits and its list, reason and free-text checks; the patterns are <see cref="ConsentPlatform.Hosting.Validation.Vocabulary"/>'s.</summary>
public static class ConsentRules
{
    public const int MaxRecipients = 50;
    public const int MaxCategories = 50;
    public const int MaxReasonLength = 500;

    /// <summary>A consent's <c>recipientOrgIds</c> (<see cref="List"/> of organisation codes).</summary>
    public static IReadOnlyList<string> Recipients(FieldErrors errors, IReadOnlyList<string?>? values) =>
        List(errors, "recipientOrgIds", values, MaxRecipients, Vocabulary.OrgId(), "an organisation code: 1 to 64 letters, digits or hyphens");

    /// <summary>A consent's <c>dataCategories</c> (<see cref="List"/> of data categories).</summary>
    public static IReadOnlyList<string> Categories(FieldErrors errors, IReadOnlyList<string?>? values) =>
        List(errors, "dataCategories", values, MaxCategories, Vocabulary.DataCategory(), "a data category: 1 to 64 lower-case letters, digits, dots or hyphens");

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
        var trimmed = OptionalText(errors, "reason", reason, MaxReasonLength);
        if (trimmed is null && required)
        {
            errors.Add("reason", "A practitioner acting on the young person's behalf must give a reason.");
        }

        return trimmed;
    }

    /// <summary>An optional text of at most <paramref name="maxLength"/> characters (a reason, a note), trimmed; blank counts as none.</summary>
    public static string? OptionalText(FieldErrors errors, string field, string? text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed?.Length > maxLength) errors.Add(field, $"The {field} may be at most {maxLength} characters long.");
        return trimmed;
    }
}
