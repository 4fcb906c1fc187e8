using System.Text.RegularExpressions;
using ConsentPlatform.Hosting.Problems;

namespace ConsentPlatform.Audit.Http;

/// <summary>The brief's identifier patterns, checked on query strings; every bad field is named at once.</summary>
public sealed partial class QueryValidation
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    [GeneratedRegex("^[A-Za-z0-9-]{1,64}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[a-z0-9-]{1,64}$")]
    private static partial Regex PurposePattern();

    public QueryValidation Id(string field, string? value)
    {
        if (value is not null && !IdPattern().IsMatch(value)) errors[field] = ["1 to 64 letters, digits or hyphens."];
        return this;
    }

    public QueryValidation Purpose(string field, string? value)
    {
        if (value is not null && !PurposePattern().IsMatch(value)) errors[field] = ["1 to 64 lower-case letters, digits or hyphens."];
        return this;
    }

    public QueryValidation Range(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is { } f && to is { } t && f > t) errors["to"] = ["Must not be before 'from'."];
        return this;
    }

    public QueryValidation That(bool condition, string field, string message)
    {
        if (!condition) errors[field] = [message];
        return this;
    }

    public void ThrowIfAny()
    {
        if (errors.Count > 0) throw new RequestValidationException(errors);
    }
}
