namespace ConsentPlatform.Disclosure.Api;

/// <summary>The disclosure service's limits and its free-text check; the patterns are <see cref="ConsentPlatform.Hosting.Validation.Vocabulary"/>'s.</summary>
public static class DisclosureRules
{
    public const int MaxCategories = 50;
    public const int MaxTextLength = Hosting.Validation.DisclosureTextLimits.MaxTextLength;

    /// <summary>The release route's own body limit (the gateway's global limit is lower).</summary>
    public const int MaxReleaseBodyBytes = 256 * 1024;

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
